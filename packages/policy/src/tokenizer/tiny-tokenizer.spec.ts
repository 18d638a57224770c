import { TINY_TOKEN_IDS, tinyConfig } from '../config/tiny-config';
import { TINY_TOKENIZER_DIR } from '../testing/tiny-tokenizer';
import { encodeQuestionPrompt } from './chat-template';
import { PolicyTokenizer } from './policy-tokenizer';

const tokenizer = PolicyTokenizer.fromFile(TINY_TOKENIZER_DIR);
const config = tinyConfig();

describe('the tiny model tokenizer (data/models/tiny-vlm)', () => {
  it('has the tiny config vocabulary size and special ids', () => {
    expect(tokenizer.size).toBe(config.text.vocabSize);
    expect(tokenizer.tokenId('<|endoftext|>')).toBe(TINY_TOKEN_IDS.endoftext);
    expect(tokenizer.tokenId('<|im_start|>')).toBe(TINY_TOKEN_IDS.imStart);
    expect(tokenizer.tokenId('<|im_end|>')).toBe(TINY_TOKEN_IDS.imEnd);
    expect(tokenizer.tokenId('<|vision_start|>')).toBe(TINY_TOKEN_IDS.visionStart);
    expect(tokenizer.tokenId('<|vision_end|>')).toBe(TINY_TOKEN_IDS.visionEnd);
    expect(tokenizer.tokenId('<|image_pad|>')).toBe(config.tokens.imageTokenId);
    expect(tokenizer.tokenId('</answer>')).toBe(TINY_TOKEN_IDS.answerEnd);
  });

  it('encodes the format tags as single tokens that decoding keeps', () => {
    const text = '<think>The red square is on the left.</think>\n<answer>yes</answer>';
    const ids = tokenizer.encode(text);
    expect(ids[0]).toBe(TINY_TOKEN_IDS.thinkStart);
    expect(ids).toContain(TINY_TOKEN_IDS.thinkEnd);
    expect(ids).toContain(TINY_TOKEN_IDS.answerStart);
    expect(ids[ids.length - 1]).toBe(TINY_TOKEN_IDS.answerEnd);
    expect(tokenizer.decode([...ids, TINY_TOKEN_IDS.imEnd], { skipSpecialTokens: true })).toBe(text);
    expect(ids.length).toBeLessThan(text.length / 2);
  });

  it('round-trips text outside its corpus byte by byte', () => {
    for (const text of ['Zebra! 42°C — naïve café, 日本語 😀', '  two  spaces\n\nand tabs\t.', '']) {
      expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
    }
  });

  it('builds the chat prompt with the image expanded', () => {
    const ids = encodeQuestionPrompt(tokenizer, { question: 'Is there a red circle?', imageTokens: [4] }, config.tokens);
    expect(ids.slice(0, 1)).toEqual([TINY_TOKEN_IDS.imStart]);
    expect(ids.filter((id) => id === TINY_TOKEN_IDS.imagePad)).toHaveLength(4);
    expect(tokenizer.decode(ids)).toBe(
      '<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n<|vision_start|><|image_pad|><|image_pad|><|image_pad|><|image_pad|><|vision_end|>Is there a red circle?<|im_end|>\n<|im_start|>assistant\n',
    );
  });
});
