export { PolicyTokenizer } from './policy-tokenizer';
export {
  renderChat,
  questionMessages,
  encodeQuestionPrompt,
  CHAT_TOKENS,
  DEFAULT_SYSTEM_PROMPT,
  type ChatMessage,
  type ChatContent,
  type QuestionPrompt,
  type RenderChatOptions,
} from './chat-template';
