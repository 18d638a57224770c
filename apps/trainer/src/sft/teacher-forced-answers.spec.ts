import * as tf from '@tensorflow/tfjs-core';
import { initParameters, promptLogits, selectBackend, tinyConfig, TINY_TOKEN_IDS, Weights, type PolicyParameters } from '@mixed-r1/policy';
import { randomImage, tinyPromptIds } from '@mixed-r1/policy/testing';
import type { SftExample } from './sft-example';
import { targetTokenWeights } from './sft-loss';
import { answerSpanCorrect, teacherForcedAnswerAccuracies } from './teacher-forced-answers';

let params: PolicyParameters;
beforeAll(async () => {
  await selectBackend('wasm', { log: () => undefined });
  params = initParameters(tinyConfig(), { seed: 5, std: 0.1 });
});
afterAll(() => params.dispose());

const image = randomImage(4, 6, 3);
const prompt = tinyPromptIds(6, 8);
const { thinkStart, thinkEnd, answerStart, answerEnd, imEnd } = TINY_TOKEN_IDS;

const reasoning = [thinkStart, 40, 41, thinkEnd, answerStart];

/** An example whose target is <think>40 41</think><answer> then `span` (the answer span). */
function exampleWith(span: number[], answerGroup = 'yes_no'): SftExample {
  return { sampleId: 'x', answerGroup, tokens: [...prompt, ...reasoning, ...span], promptLength: prompt.length, answerStart: prompt.length + reasoning.length, copied: [], image, localisation: null, referents: null };
}

/** The model's greedy continuation after <answer>, one full forward pass per token (a separate path). */
function greedySpan(w: Weights, length: number): number[] {
  const span: number[] = [];
  for (let i = 0; i < length; i++) {
    const logits = tf.tidy(() => promptLogits(w, { tokenIds: exampleWith(span).tokens, images: [image] }).arraySync() as number[][]);
    const last = logits[logits.length - 1];
    span.push(last.indexOf(Math.max(...last)));
  }
  return span;
}

describe('teacher-forced answer accuracy', () => {
  it('is true exactly when every answer-span token is the most likely next token', () => {
    const w = Weights.live(params);
    const greedy = exampleWith(greedySpan(w, 4));
    expect(answerSpanCorrect(w, greedy)).toBe(true);
    for (const wrongAt of [0, 3]) {
      const span = greedy.tokens.slice(greedy.answerStart);
      span[wrongAt] = (span[wrongAt] + 1) % 950;
      expect(answerSpanCorrect(w, exampleWith(span))).toBe(false);
    }
    const wrong = exampleWith([imEnd, answerEnd, imEnd, answerEnd]);
    expect(teacherForcedAnswerAccuracies(w, [greedy, wrong, greedy, greedy]).all).toBe(0.75);
  });

  it('tallies each answer group apart, in the order the groups first appear', () => {
    const w = Weights.live(params);
    const right = greedySpan(w, 2);
    const wrong = [imEnd, answerEnd];
    const examples = [
      exampleWith(right, 'yes_no/exists'),
      exampleWith(wrong, 'yes_no/attribute'),
      exampleWith(right, 'yes_no/exists'),
      exampleWith(right, 'yes_no/attribute'),
      exampleWith(wrong, 'yes_no/attribute'),
      exampleWith(wrong, 'chart'),
    ];
    const { all, byGroup } = teacherForcedAnswerAccuracies(w, examples);
    expect(all).toBe(3 / 6);
    expect([...byGroup]).toEqual([
      ['yes_no/exists', { examples: 2, accuracy: 1 }],
      ['yes_no/attribute', { examples: 3, accuracy: 1 / 3 }],
      ['chart', { examples: 1, accuracy: 0 }],
    ]);
    expect(Number.isNaN(teacherForcedAnswerAccuracies(w, []).all)).toBe(true);
  });

  it('weights the answer span only (from the token after <answer> to the end)', () => {
    const example = exampleWith([70, 71, answerEnd, imEnd]);
    // Target: <think> 40 41 </think> <answer> | 70 71 </answer> <|im_end|>
    expect(targetTokenWeights(example, { answerWeight: 10, copyWeight: 1 })).toEqual([1, 1, 1, 1, 1, 10, 10, 10, 10]);
  });
});
