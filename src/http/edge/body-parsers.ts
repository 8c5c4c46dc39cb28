import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.js';

/**
 * JSON bodies as usual (prototype-poisoning checks included), but an empty body is no body
 * whatever its content type: many clients send `content-type: application/json` on every
 * request, DELETE included. A non-empty body that is not JSON is a 415.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void json(request, text, done);
  });
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    const size = typeof body === 'string' ? body.length : body.byteLength;
    if (size === 0) done(null, undefined);
    else done(new AppError('invalid_input', 'only application/json bodies are accepted'));
  });
}
