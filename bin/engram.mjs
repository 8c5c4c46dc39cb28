#!/usr/bin/env node
// Entry point of the `engram` command: runs the compiled CLI in dist/ (`npm run build`; `npm
// install`, `npm start` and `npm test` build it when the sources changed). With ENGRAM_DEV=1 it
// runs the TypeScript sources through tsx instead (a devDependency): `npm run dev -- serve`.
const dev = process.env.ENGRAM_DEV === '1';
let cli;
if (dev) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli/main.ts');
} else {
  try {
    cli = await import('../dist/cli/main.js');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/'))
      throw error;
    process.stderr.write(
      'engram: dist/ is missing: run `npm run build` (or ENGRAM_DEV=1 to run the sources)\n',
    );
    process.exit(2);
  }
}
process.exitCode = await cli.main(process.argv.slice(2));
