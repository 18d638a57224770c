import { join } from 'node:path';
import { GENERATORS } from '@mixed-r1/data-engine';
import { Policy, selectBackend } from '@mixed-r1/policy';
import { ImagePreparer } from '../data/image-inputs';
import { sftExample } from './sft-example';

const TARGET = { thinkSentences: 0, answerSentences: 2, emptyThinkTasks: ['yes_no'], fullThinkTasks: ['multiple_choice'] };

describe('sftExample', () => {
  let policy: Policy;
  beforeAll(async () => {
    await selectBackend('wasm', { log: () => undefined });
    policy = Policy.load(join(__dirname, '..', '..', '..', '..', 'data', 'models', 'tiny-vlm'));
  });
  afterAll(() => policy.dispose());
  const images = new ImagePreparer({ minPixels: 3136, maxPixels: 12544 });

  it('gives the answer targets to the task types of referentTasks only, and an empty <think> to emptyThinkTasks', async () => {
    const yesNo = await GENERATORS['yes-no'].generate(3, 0);
    const choice = await GENERATORS['multiple-choice'].generate(3, 0);
    const auxiliary = { referents: true, referentTargets: 'answer' as const, referentTasks: ['yes_no'] };
    const yesNoExample = await sftExample(yesNo, policy, images, TARGET, auxiliary);
    const choiceExample = await sftExample(choice, policy, images, TARGET, auxiliary);
    // the yes/no answer's tokens (from <answer> to <|im_end|>) each look somewhere; the other task has no targets
    expect(yesNoExample.referents?.queries).toHaveLength(yesNoExample.tokens.length - yesNoExample.answerStart);
    expect(choiceExample.referents).toBeNull();
    // yes/no answers with an empty <think>; multiple choice keeps its whole reasoning
    const decoded = (example: typeof yesNoExample) => policy.tokenizer.decode(example.tokens.slice(example.promptLength));
    expect(decoded(yesNoExample)).toBe(`<think></think><answer>${yesNo.answer}</answer><|im_end|>`);
    expect(decoded(choiceExample)).toMatch(/^<think>.{20,}<\/think><answer>[A-D]<\/answer><\|im_end\|>$/);
    // without referentTasks, every task type carries them
    const everyTask = await sftExample(choice, policy, images, TARGET, { referents: true, referentTargets: 'answer' });
    expect(everyTask.referents?.queries.length).toBeGreaterThan(0);
  });
});
