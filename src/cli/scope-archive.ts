import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createContainer } from '../container.js';
import { DEFAULT_TENANT, validTenant } from '../domain/tenant.js';
import type { CommandContext } from './command-context.js';

const EXPORT_USAGE =
  'usage: engram export [--tenant T] (--user ID | --agent ID | --user ID --agent ID) FILE\n';
const IMPORT_USAGE = 'usage: engram import [--tenant T] FILE\n';

/** `engram export --user U FILE`: one scope of a tenant as JSON Lines (the format of GET /export). */
export async function runExport(args: string[], context: CommandContext): Promise<number> {
  const selection: { userId?: string; agentId?: string } = {};
  const { tenant, rest: others } = tenantOption(args);
  const rest: string[] = [];
  for (let index = 0; index < others.length; index += 1) {
    const arg = others[index];
    const value = others[index + 1];
    if ((arg === '--user' || arg === '--agent') && value && !value.startsWith('--')) {
      selection[arg === '--user' ? 'userId' : 'agentId'] = value;
      index += 1;
    } else if (arg) rest.push(arg);
  }
  const [file, ...extra] = rest;
  if (
    !tenant ||
    !file ||
    file.startsWith('--') ||
    extra.length > 0 ||
    Object.keys(selection).length === 0
  ) {
    context.stderr.write(EXPORT_USAGE);
    return 2;
  }
  const container = await createContainer(context.config, context.logger, {
    migrations: 'apply',
    sweeps: false,
  });
  try {
    const out = createWriteStream(file);
    let lines = 0;
    for await (const line of container.services.transfer.export({ tenant, ...selection })) {
      if (!out.write(line)) await once(out, 'drain');
      lines += 1;
    }
    out.end();
    await finished(out);
    context.stdout.write(`wrote ${file}: ${lines - 1} records\n`);
    return 0;
  } finally {
    await container.close();
  }
}

/** `engram import FILE`: imports an export; idempotent, prints the counts and any failed lines. */
export async function runImport(args: string[], context: CommandContext): Promise<number> {
  const { tenant, rest } = tenantOption(args);
  const [file, ...extra] = rest;
  if (!tenant || !file || file.startsWith('--') || extra.length > 0) {
    context.stderr.write(IMPORT_USAGE);
    return 2;
  }
  const container = await createContainer(context.config, context.logger, {
    migrations: 'apply',
    sweeps: false,
  });
  try {
    const lines = createInterface({
      input: createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    const report = await container.services.transfer.import(tenant, lines);
    for (const result of report.results)
      if (result.status === 'error')
        context.stderr.write(`line ${result.line} (${result.kind}): ${result.message}\n`);
    context.stdout.write(
      `imported ${file}: ${report.created} created, ${report.unchanged} unchanged, ${report.failed} failed\n`,
    );
    return report.failed > 0 ? 1 : 0;
  } finally {
    await container.close();
  }
}

/** `--tenant T` out of the arguments (`default` without it); undefined tenant when T is no valid name. */
function tenantOption(args: readonly string[]): { tenant: string | undefined; rest: string[] } {
  const at = args.indexOf('--tenant');
  if (at < 0) return { tenant: DEFAULT_TENANT, rest: [...args] };
  const name = args[at + 1] ?? '';
  const rest = [...args.slice(0, at), ...args.slice(at + 2)];
  try {
    return { tenant: validTenant(name), rest };
  } catch {
    return { tenant: undefined, rest };
  }
}
