export {
  EngramChatMessageHistory,
  type EngramChatMessageHistoryInput,
} from './engram-chat-message-history.js';
export {
  EngramRetriever,
  type EngramRetrieverInput,
  factDocument,
  memoryDocument,
} from './engram-retriever.js';
