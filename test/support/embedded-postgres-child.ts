// Opens the embedded database in DATA_DIR (argv[2]), commits one row to `crash_probe`, prints
// `ready <pid of a postgres process>`, then either
// dies by SIGKILL at once (`die`) or waits to be killed (`hold`). Used by the managed-postgres test.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/adapters/postgres/database.js';
import { openEmbeddedDatabase } from '../../src/adapters/postgres/embedded/embedded-database.js';

const [dataDir = '', mode = 'die'] = process.argv.slice(2);
const database = await openEmbeddedDatabase(dataDir);
// An acknowledged write, which must survive what follows.
await database.db.execute(sql`create table if not exists crash_probe (n int)`);
await database.db.execute(sql`insert into crash_probe values (1)`);
const [row] = await queryRows<{ pid: number }>(
  database.db,
  sql`select pid from pg_stat_activity where backend_type = 'checkpointer'`,
);
process.stdout.write(`ready ${row?.pid ?? 0}\n`);
if (mode === 'die') process.kill(process.pid, 'SIGKILL');
else setInterval(() => {}, 1000);
