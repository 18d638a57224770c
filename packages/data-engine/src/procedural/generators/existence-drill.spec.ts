import type { SampleRow } from '@mixed-r1/records';
import { answerYesNo, metadataOf, sceneOf } from '../testing/scene-oracle';
import { existenceDrillGenerator, yesNoGenerator } from './yes-no-generator';

const COUNT = 120;
const RENDERING_TIMEOUT_MS = 120_000;

/** The colour and shape words of an existence question ("Is there a blue circle in the image?"). */
function askedKind(question: string): { colour: string; shape: string } {
  const match = /(?:Is there|contain|Can you see) an? (\w+) (\w+)/.exec(question);
  if (!match) throw new Error(`not an existence question: ${question}`);
  return { colour: match[1], shape: match[2] };
}

describe('existence drill generator', () => {
  let drill: SampleRow[] = [];
  let mixed: SampleRow[] = [];
  beforeAll(async () => {
    drill = await Promise.all(Array.from({ length: COUNT }, (_, i) => existenceDrillGenerator.generate(17, i)));
    mixed = await Promise.all(Array.from({ length: 400 }, (_, i) => yesNoGenerator.generate(17, i)));
  }, RENDERING_TIMEOUT_MS);

  it('is a yes/no drill outside Mixed-45K asking existence questions only, half of them "yes"', () => {
    expect([existenceDrillGenerator.task, existenceDrillGenerator.drill]).toEqual(['yes_no', true]);
    expect(yesNoGenerator.drill).toBe(false);
    expect(new Set(drill.map((sample) => metadataOf(sample).question.kind))).toEqual(new Set(['exists']));
    expect(drill.filter((sample) => sample.answer === 'yes').length).toBe(COUNT / 2);
  });

  it('has the answer that the question gives when read against the scene', () => {
    for (const sample of drill) expect([sample.question, answerYesNo(sample.question, sceneOf(sample))]).toEqual([sample.question, sample.answer]);
  });

  it('asks "no" about a kind whose colour and shape the scene both lacks; the data\'s negatives share one of them', () => {
    const sharesOne = (sample: SampleRow) => {
      const asked = askedKind(sample.question);
      return sceneOf(sample).objects.some((object) => object.colour === asked.colour || object.shape === asked.shape);
    };
    const drillNo = drill.filter((sample) => sample.answer === 'no');
    expect(drillNo.filter(sharesOne)).toEqual([]);
    const mixedNo = mixed.filter((sample) => sample.answer === 'no' && metadataOf(sample).question.kind === 'exists');
    expect(mixedNo.length).toBeGreaterThan(20);
    expect(mixedNo.every(sharesOne)).toBe(true);
  });
});
