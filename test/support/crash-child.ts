// Adds one memory through the real services, then dies by SIGKILL right after the Postgres
// commit, when the vector write starts. Used by the crash-recovery test.
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { openServerDatabase } from '../../src/adapters/postgres/database.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import { testEmbedder } from './test-app.js';
import { testServices } from './test-services.js';

const [databaseUrl = '', chromaUrl = '', prefix = '', content = ''] = process.argv.slice(2);
const database = openServerDatabase(databaseUrl);
const chroma = new ChromaVectorIndex({ url: chromaUrl, collectionPrefix: prefix });
const dying: VectorIndex = {
  init: (identity) => chroma.init(identity),
  reset: (identity) => chroma.reset(identity),
  upsert: async () => {
    process.kill(process.pid, 'SIGKILL');
  },
  query: (query) => chroma.query(query),
  delete: (keys) => chroma.delete(keys),
  count: () => chroma.count(),
};
const embedder = await testEmbedder();
await dying.init(embedder.identity);
const services = testServices(database, { vectors: dying, embedder }, { maxChunkTokens: 512 });
await services.writer.add({ content, scope: { tenant: 'default', userId: 'crash', agentId: '' } });
process.stdout.write('unreachable: the vector write should have killed this process\n');
