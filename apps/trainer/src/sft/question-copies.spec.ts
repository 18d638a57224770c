import * as tf from '@tensorflow/tfjs-core';
import { FORMAT_INSTRUCTION } from '@mixed-r1/evaluation';
import { initParameters, promptLogits, selectBackend, tinyConfig, TINY_TOKEN_IDS, Weights, type PolicyParameters } from '@mixed-r1/policy';
import { randomImage, tinyPromptIds } from '@mixed-r1/policy/testing';
import { copiedPositions, questionWords, tokenWord } from './question-copies';
import type { SftExample } from './sft-example';
import { sftLoss, targetTokenWeights } from './sft-loss';

describe('question copies', () => {
  it('reads a token as its bare lower-case word', () => {
    expect([' Purple', '"purple"', ' D', ',', ' 3', '"."'].map(tokenWord)).toEqual(['purple', 'purple', 'd', '', '3', '']);
  });

  it("keeps the question's and options' words that the instruction does not use, and no bracketed layout", () => {
    const words = questionWords('What colour is the diamond?\nA. brown\nB. purple', FORMAT_INSTRUCTION);
    // "the" is in the instruction ("output the thinking process"); the letters and colours are not.
    expect([...words].sort()).toEqual(['a', 'b', 'brown', 'colour', 'diamond', 'is', 'purple', 'what']);
    expect([...questionWords('Locate the red star as [x1, y1, x2, y2].', FORMAT_INSTRUCTION)].sort()).toEqual(['as', 'locate', 'red', 'star']);
  });

  it('marks the slots of the reasoning that repeat the question, within the given range', () => {
    const words = questionWords('Is there a blue diamond?', FORMAT_INSTRUCTION);
    const row = ['<think>', 'None', ' of', ' them', ' is', ' a', ' blue', ' diamond', '.', '</think>', '<answer>', 'no'];
    // " is" and " a" are words of the question too; "None", " of", " them" and the tags are not.
    expect(copiedPositions(row, 0, 11, words)).toEqual([4, 5, 6, 7]);
    expect(copiedPositions(row, 5, 7, words)).toEqual([5, 6]);
  });
});

describe('target token weights', () => {
  let params: PolicyParameters;
  beforeAll(async () => {
    await selectBackend('wasm', { log: () => undefined });
    params = initParameters(tinyConfig(), { seed: 9, std: 0.1 });
  });
  afterAll(() => params.dispose());

  const image = randomImage(4, 6, 11);
  const prompt = tinyPromptIds(6, 12);
  const { thinkStart, thinkEnd, answerStart, answerEnd, imEnd } = TINY_TOKEN_IDS;
  // Target: <think> 40 41 42 </think> <answer> | 70 </answer> <|im_end|>, with 41 and 42 copies of the question.
  const target = [thinkStart, 40, 41, 42, thinkEnd, answerStart, 70, answerEnd, imEnd];
  const example: SftExample = {
    sampleId: 'x',
    answerGroup: 'x',
    tokens: [...prompt, ...target],
    promptLength: prompt.length,
    answerStart: prompt.length + 6,
    copied: [prompt.length + 2, prompt.length + 3],
    image,
    localisation: null,
    referents: null,
  };

  it('gives the copies their weight and the answer span its own', () => {
    expect(targetTokenWeights(example, { answerWeight: 10, copyWeight: 4 })).toEqual([1, 1, 4, 4, 1, 1, 10, 10, 10]);
  });

  it('makes the loss the weighted mean of the per-token cross-entropies (focal terms with focalGamma)', () => {
    const w = Weights.frozen(params);
    // Independent path: the full forward pass's logits, log-softmax, the target token's term at each position.
    const logits = tf.tidy(() => promptLogits(w, { tokenIds: example.tokens, images: [image] }).arraySync() as number[][]);
    const crossEntropy = target.map((token, i) => {
      const row = logits[prompt.length + i - 1];
      const max = Math.max(...row);
      const logSum = max + Math.log(row.reduce((sum, v) => sum + Math.exp(v - max), 0));
      return logSum - row[token];
    });
    const weights = [1, 1, 4, 4, 1, 1, 10, 10, 10];
    const expected = crossEntropy.reduce((sum, ce, i) => sum + weights[i] * ce, 0) / weights.reduce((a, b) => a + b, 0);
    const loss = tf.tidy(() => sftLoss(w, [example], { answerWeight: 10, copyWeight: 4 }).dataSync()[0]);
    expect(loss).toBeCloseTo(expected, 4);
    const focal = crossEntropy.reduce((sum, ce, i) => sum + weights[i] * (1 - Math.exp(-ce)) ** 2 * ce, 0) / weights.reduce((a, b) => a + b, 0);
    expect(tf.tidy(() => sftLoss(w, [example], { answerWeight: 10, copyWeight: 4, focalGamma: 2 }).dataSync()[0])).toBeCloseTo(focal, 4);
    const plain = crossEntropy.reduce((a, b) => a + b, 0) / crossEntropy.length;
    expect(tf.tidy(() => sftLoss(w, [example]).dataSync()[0])).toBeCloseTo(plain, 4);
  });
});
