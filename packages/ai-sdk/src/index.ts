export { type MemoryPromptOptions, memoryPromptSection, withMemories } from './memory-prompt.js';
export {
  type EngramToolsOptions,
  engramTools,
  type MemorySearchOutput,
  searchOutput,
} from './memory-tools.js';
