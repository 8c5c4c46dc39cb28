// Opens the embedded database in DATA_DIR (argv[2]), prints `ready <postmaster pid>`, then either
// dies by SIGKILL at once (`die`) or waits to be killed (`hold`). Used by the managed-postgres test.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/adapters/postgres/database.js';
import { openEmbeddedDatabase } from '../../src/adapters/postgres/embedded/embedded-database.js';

const [dataDir = '', mode = 'die'] = process.argv.slice(2);
const database = await openEmbeddedDatabase(dataDir);
const [row] = await queryRows<{ pid: number }>(
  database.db,
  sql`select pid from pg_stat_activity where backend_type = 'checkpointer'`,
);
process.stdout.write(`ready ${row?.pid ?? 0}\n`);
if (mode === 'die') process.kill(process.pid, 'SIGKILL');
else setInterval(() => {}, 1000);
