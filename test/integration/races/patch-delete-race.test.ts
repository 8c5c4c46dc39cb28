import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '../../../src/adapters/postgres/database.js';
import { useTestApp } from '../../support/use-test-app.js';

const t = useTestApp({ database: 'postgres' });

it('parallel PATCH and DELETE of one memory give only 2xx/404/409, deletes never 409, and one delete event', async () => {
  const ids: string[] = [];
  for (let index = 0; index < 15; index += 1) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content: `Sarah ${index} works at Google in Boston.`, user_id: 'race' },
    });
    ids.push(response.json().memory.id);
  }
  const requests = ids.flatMap((id, index) =>
    Array.from({ length: 9 }, (_, turn) =>
      turn % 3 === 0
        ? t.app.inject({ method: 'DELETE', url: `/memories/${id}?user_id=race` })
        : t.app.inject({
            method: 'PATCH',
            url: `/memories/${id}`,
            payload: { content: `Sarah ${index} moved to Denver, take ${turn}.`, user_id: 'race' },
          }),
    ),
  );
  const statuses = (await Promise.all(requests)).map((response) => response.statusCode);
  expect(statuses.filter((status) => ![200, 204, 404, 409].includes(status))).toEqual([]);
  // A delete wins over an update that committed after it read the memory: 204 or 404, never 409.
  const deleteStatuses = statuses.filter((_, index) => (index % 9) % 3 === 0);
  expect(deleteStatuses.filter((status) => status !== 204 && status !== 404)).toEqual([]);
  const deletes = await queryRows<{ memory_id: string; events: number }>(
    t.database.db,
    sql`select memory_id, count(*)::int as events from memory_history where event = 'delete' group by memory_id`,
  );
  expect(deletes.filter((row) => row.events > 1)).toEqual([]);
  expect(deletes.length).toBe(15);
  expect(statuses.filter((status) => status === 204).length).toBe(15);
});
