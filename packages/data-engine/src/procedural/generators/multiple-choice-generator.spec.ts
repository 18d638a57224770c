import type { SampleRow } from '@mixed-r1/records';
import { BACKGROUNDS, COLOURS } from '../palette';
import { decodePng } from '../testing/decode-png';
import { readScene } from '../testing/read-scene';
import { answerMultipleChoice, metadataOf, sceneMatchesPixels, sceneOf } from '../testing/scene-oracle';
import { multipleChoiceGenerator } from './multiple-choice-generator';

const COUNT = 200;
const LETTERS = ['A', 'B', 'C', 'D'];
/** Rendering 200 images takes a few seconds, more on a busy machine. */
const RENDERING_TIMEOUT_MS = 120_000;

describe('multiple-choice generator', () => {
  let samples: SampleRow[] = [];
  beforeAll(async () => {
    samples = await Promise.all(Array.from({ length: COUNT }, (_, i) => multipleChoiceGenerator.generate(23, i)));
  }, RENDERING_TIMEOUT_MS);

  it('has exactly four distinct options and a letter within them as the answer', () => {
    for (const sample of samples) {
      const options = sample.options as readonly string[];
      expect(options).toHaveLength(4);
      expect(new Set(options).size).toBe(4);
      expect(options.every((option) => option.length > 0 && !/^[A-D]$/.test(option))).toBe(true);
      expect(LETTERS).toContain(sample.answer);
    }
  });

  it('puts the correct option behind the answer letter, as the question text reads against the scene', () => {
    for (const sample of samples) {
      const options = sample.options as readonly string[];
      const correct = answerMultipleChoice(sample.question, sceneOf(sample));
      expect([sample.id, options[LETTERS.indexOf(sample.answer)]]).toEqual([sample.id, correct]);
      expect(options.filter((option) => option === correct)).toHaveLength(1);
    }
  });

  it('asks about counts, colours, shapes and positions, with the answer letter spread over A-D', () => {
    const kinds = new Set(samples.map((sample) => metadataOf(sample).question.kind));
    expect([...kinds].sort()).toEqual(['colour', 'count', 'position', 'shape']);
    for (const letter of LETTERS) {
      const share = samples.filter((sample) => sample.answer === letter).length / COUNT;
      expect(share).toBeGreaterThan(0.15);
      expect(share).toBeLessThan(0.35);
    }
  });

  it('offers plausible distractors of the same kind as the answer', () => {
    for (const sample of samples) {
      const options = sample.options as readonly string[];
      const kind = metadataOf(sample).question.kind;
      if (kind === 'count') expect(options.every((option) => /^\d+$/.test(option))).toBe(true);
      if (kind === 'colour') expect(options.every((option) => COLOURS.some((colour) => colour.name === option))).toBe(true);
      if (kind === 'position') expect([...options].sort()).toEqual(['bottom left', 'bottom right', 'top left', 'top right']);
    }
  });

  it('gives counting questions options whose order does not give the answer away', () => {
    const counting = samples.filter((sample) => metadataOf(sample).question.kind === 'count');
    // the answer's rank among the numeric options, smallest first
    const ranked = counting.map((sample) => {
      const options = (sample.options as readonly string[]).map(Number).sort((a, b) => a - b);
      const answer = Number((sample.options as readonly string[])[LETTERS.indexOf(sample.answer)]);
      return { options, answer, rank: options.indexOf(answer) };
    });
    // with the nearest counts as distractors (n-1, n+1, n-2) "the second largest" was right for
    // every count of 2 or more; a policy must not learn such a rule without looking
    const many = ranked.filter(({ answer }) => answer >= 2);
    expect(many.length).toBeGreaterThan(10);
    for (let rank = 0; rank < 4; rank++) {
      expect(many.filter((entry) => entry.rank === rank).length / many.length).toBeLessThan(0.5);
    }
    // counts of 0 and 1 have no smaller options, so over all questions only a looser bound holds
    for (let rank = 0; rank < 4; rank++) {
      expect(ranked.filter((entry) => entry.rank === rank).length / ranked.length).toBeLessThan(0.5);
    }
    for (const { options } of ranked) expect(options).toEqual([0, 1, 2, 3].map((i) => options[0] + i));
  });

  it('draws exactly the scene of its metadata (read back from the pixels)', () => {
    for (const sample of samples.slice(0, 40)) {
      const scene = sceneOf(sample);
      const background = BACKGROUNDS.find((entry) => entry.name === scene.background)?.rgb ?? [255, 255, 255];
      const drawn = readScene(decodePng(sample.imageBytes as Uint8Array), background, COLOURS);
      expect([sample.id, sceneMatchesPixels(scene, drawn)]).toEqual([sample.id, true]);
    }
  }, RENDERING_TIMEOUT_MS);
});
