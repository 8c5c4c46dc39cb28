import { parseArgs } from 'node:util';
import { migrateUp } from '../adapters/postgres/migrator.js';
import { PgApiKeyRepository } from '../adapters/postgres/pg-api-key-repository.js';
import { openDatabase } from '../container.js';
import { KEY_SCOPES, type KeyScope } from '../domain/api-key.js';
import { DEFAULT_TENANT, validTenant } from '../domain/tenant.js';
import { ApiKeyService } from '../services/access/api-key-service.js';
import type { CommandContext } from './command-context.js';

const USAGE = `usage: engram keys create --name NAME [--scopes read,write,admin] [--user USER_ID] [--tenant T]
       engram keys list [--tenant T]
       engram keys revoke ID [--tenant T]
`;

/** `engram keys create|list|revoke`: manages API keys in the configured database. */
export async function runKeys(args: string[], context: CommandContext): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !['create', 'list', 'revoke'].includes(action)) {
    context.stderr.write(USAGE);
    return 2;
  }
  const database = await openDatabase(context.config);
  try {
    // The embedded database migrates itself (as `serve` does); a server is migrated on purpose.
    if (database.kind === 'embedded') await migrateUp(database.db);
    const keys = new ApiKeyService({
      repository: new PgApiKeyRepository(database.db),
      clock: { now: () => new Date() },
    });
    if (action === 'create') return await create(keys, rest, context);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { tenant: { type: 'string', default: DEFAULT_TENANT } },
      allowPositionals: true,
    });
    const tenant = validTenant(values.tenant ?? DEFAULT_TENANT);
    if (action === 'list') return await list(keys, tenant, context);
    const [id] = positionals;
    if (!id) {
      context.stderr.write(USAGE);
      return 2;
    }
    await keys.revoke(id, tenant);
    context.stdout.write(`revoked ${id}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

async function create(keys: ApiKeyService, args: string[], context: CommandContext) {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      scopes: { type: 'string', default: 'read,write' },
      user: { type: 'string' },
      tenant: { type: 'string', default: DEFAULT_TENANT },
    },
  });
  const scopes = (values.scopes ?? '').split(',').map((scope) => scope.trim());
  if (!values.name || scopes.some((scope) => !KEY_SCOPES.includes(scope as KeyScope))) {
    context.stderr.write(USAGE);
    return 2;
  }
  const { key, secret } = await keys.create({
    name: values.name,
    scopes: scopes as KeyScope[],
    ...(values.user ? { userId: values.user } : {}),
    tenant: validTenant(values.tenant ?? DEFAULT_TENANT),
  });
  context.stderr.write(
    `created key ${key.id} (tenant ${key.tenant}, ${key.scopes.join(',')}${key.userId ? `, user ${key.userId}` : ''}); it is shown once:\n`,
  );
  context.stdout.write(`${secret}\n`);
  return 0;
}

async function list(keys: ApiKeyService, tenant: string, context: CommandContext) {
  context.stdout.write('id\ttenant\tname\tprefix\tscopes\tuser\tcreated\tlast used\trevoked\n');
  for (const key of await keys.list(tenant)) {
    const fields = [
      key.id,
      key.tenant,
      key.name,
      key.prefix,
      key.scopes.join(','),
      key.userId ?? '-',
      key.createdAt.toISOString(),
      key.lastUsedAt?.toISOString() ?? '-',
      key.revokedAt?.toISOString() ?? '-',
    ];
    context.stdout.write(`${fields.join('\t')}\n`);
  }
  return 0;
}
