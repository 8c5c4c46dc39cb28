import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

interface Options {
  /** Folder of the built dashboard (index.html and its assets). */
  readonly directory?: string;
}

/** Where `npm run build` puts the dashboard, seen from src/http/routes or dist/http/routes. */
const CANDIDATES = ['../../ui/', '../../../dist/ui/'].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);

/** The built dashboard folder, if there is one. */
export function defaultUiDirectory(): string | undefined {
  return CANDIDATES.find((directory) => existsSync(`${directory}index.html`));
}

/** `/ui`: the dashboard, static files built by `npm run build` (nothing fetched from elsewhere). */
export const uiRoutes: FastifyPluginAsync<Options> = async (app, options) => {
  const directory = options.directory ?? defaultUiDirectory();
  app.get('/ui', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/ui/'));
  if (!directory || !existsSync(directory)) {
    app.get('/ui/*', { schema: { hide: true } }, async (_request, reply) =>
      reply.status(404).send({
        code: 'not_found',
        message: 'the dashboard is not built: run `npm run build`',
      }),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: directory,
    prefix: '/ui/',
    decorateReply: false,
    index: 'index.html',
    schemaHide: true,
  });
};
