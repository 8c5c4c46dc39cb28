import { vectorIndexContract } from '../contract/vector-index.contract.js';
import { InMemoryVectorIndex, InMemoryVectorStore } from '../support/in-memory-vector-index.js';

vectorIndexContract('in-memory fake', async () => {
  const store = new InMemoryVectorStore();
  return { open: () => new InMemoryVectorIndex(store), close: async () => {} };
});
