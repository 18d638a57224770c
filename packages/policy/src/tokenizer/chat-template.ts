import type { SpecialTokenIds } from '../config/qwen2-5-vl-config';
import type { PolicyTokenizer } from './policy-tokenizer';

/** Qwen2.5-VL's chat template strings (its tokenizer_config.json `chat_template`). */
export const CHAT_TOKENS = {
  imStart: '<|im_start|>',
  imEnd: '<|im_end|>',
  visionStart: '<|vision_start|>',
  visionEnd: '<|vision_end|>',
  imagePad: '<|image_pad|>',
  endOfText: '<|endoftext|>',
} as const;

/** The template's system message when a conversation has none. */
export const DEFAULT_SYSTEM_PROMPT = 'You are a helpful assistant.';

export type ChatContent = string | { readonly type: 'image' } | { readonly type: 'text'; readonly text: string };

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string | readonly ChatContent[];
}

/**
 * Qwen2.5-VL's chat template (tokenizer_config.json `chat_template`): a default system message when
 * the first message is not one, each message as `<|im_start|>{role}\n{content}<|im_end|>\n`, an image
 * as `<|vision_start|><|image_pad|><|vision_end|>`, and `<|im_start|>assistant\n` to prompt a reply.
 * `imageTokens[i]` is how many `<|image_pad|>` the i-th image expands to (HF's processor repeats the
 * pad grid_t * grid_h * grid_w / merge^2 times); with no counts each image keeps one placeholder.
 */
export interface RenderChatOptions {
  /** Append `<|im_start|>assistant\n` (default true). */
  readonly addGenerationPrompt?: boolean;
  readonly imageTokens?: readonly number[];
  /** The system message put first when the conversation has none (default: the template's); null puts none. */
  readonly defaultSystemPrompt?: string | null;
}

export function renderChat(messages: readonly ChatMessage[], options: RenderChatOptions = {}): string {
  const { imStart, imEnd, visionStart, visionEnd, imagePad } = CHAT_TOKENS;
  const counts = options.imageTokens;
  let image = 0;
  const part = (content: ChatContent): string => {
    if (typeof content === 'string') return content;
    if (content.type === 'text') return content.text;
    const count = counts ? counts[image] : 1;
    if (count === undefined || !Number.isInteger(count) || count < 1) {
      throw new RangeError(`renderChat: image ${image} has no token count (${counts?.length ?? 0} counts given for the images of the conversation)`);
    }
    image++;
    return `${visionStart}${imagePad.repeat(count)}${visionEnd}`;
  };
  const defaultSystem = options.defaultSystemPrompt === undefined ? DEFAULT_SYSTEM_PROMPT : options.defaultSystemPrompt;
  const needsSystem = messages.length > 0 && messages[0].role !== 'system' && defaultSystem !== null;
  let text = needsSystem ? `${imStart}system\n${defaultSystem}${imEnd}\n` : '';
  for (const message of messages) {
    const body = typeof message.content === 'string' ? message.content : message.content.map(part).join('');
    text += `${imStart}${message.role}\n${body}${imEnd}\n`;
  }
  if (counts && image !== counts.length) throw new RangeError(`renderChat: ${counts.length} image token counts for ${image} images`);
  return options.addGenerationPrompt === false ? text : `${text}${imStart}assistant\n`;
}

export interface QuestionPrompt {
  /** The system message; omitted: the template's default; null: no system message at all. */
  readonly system?: string | null;
  readonly question: string;
  /** Token count of each image, shown before the question (as Mixed-R1's data puts them). */
  readonly imageTokens?: readonly number[];
}

/** The messages of a single-turn question: system (unless null), then the user's images and text. */
export function questionMessages(prompt: QuestionPrompt): ChatMessage[] {
  const user: ChatMessage = {
    role: 'user',
    content: [...(prompt.imageTokens ?? []).map(() => ({ type: 'image' as const })), { type: 'text' as const, text: prompt.question }],
  };
  if (prompt.system === null) return [user];
  return [{ role: 'system', content: prompt.system ?? DEFAULT_SYSTEM_PROMPT }, user];
}

/**
 * Token ids of a question prompt ending in `<|im_start|>assistant\n`, images expanded. With
 * `system: null` the text starts at `<|im_start|>user` (no system turn, where the HF template would
 * put its default one). With `tokens`, checks the image pad id and count against the model config.
 */
export function encodeQuestionPrompt(tokenizer: PolicyTokenizer, prompt: QuestionPrompt, tokens?: SpecialTokenIds): number[] {
  const messages = questionMessages(prompt);
  const imageTokens = prompt.imageTokens ?? [];
  const text = renderChat(messages, { imageTokens, defaultSystemPrompt: null });
  const ids = tokenizer.encode(text);
  if (tokens) {
    const padId = tokenizer.tokenId(CHAT_TOKENS.imagePad);
    if (padId !== tokens.imageTokenId) throw new Error(`${tokenizer.source}: <|image_pad|> is id ${padId}, the model config says image_token_id ${tokens.imageTokenId}`);
    const pads = ids.filter((id) => id === padId).length;
    const expected = imageTokens.reduce((a, b) => a + b, 0);
    if (pads !== expected) throw new Error(`encodeQuestionPrompt: ${pads} image tokens after encoding, expected ${expected} (does the question contain "<|image_pad|>"?)`);
  }
  return ids;
}
