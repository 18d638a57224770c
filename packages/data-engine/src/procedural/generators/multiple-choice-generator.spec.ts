import type { SampleRow } from '@mixed-r1/records';
import { BACKGROUNDS, COLOURS, SHAPES } from '../palette';
import { decodePng } from '../testing/decode-png';
import { readScene } from '../testing/read-scene';
import { answerMultipleChoice, metadataOf, sceneMatchesPixels, sceneOf } from '../testing/scene-oracle';
import { Rng } from '../rng';
import { randomScene } from '../scene/scene';
import { multipleChoiceGenerator } from './multiple-choice-generator';
import { MULTIPLE_CHOICE_QUESTIONS } from './multiple-choice-questions';

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

  it('gives every counting question the options 0 to 3', () => {
    const counting = samples.filter((sample) => metadataOf(sample).question.kind === 'count');
    expect(counting.length).toBeGreaterThan(20);
    for (const sample of counting) expect([...(sample.options as readonly string[])].sort()).toEqual(['0', '1', '2', '3']);
  });

  it('counts, for the count it is given, the objects of the shape or colour it names', () => {
    const rng = Rng.forSample(5, 'count-builder', 0);
    for (let i = 0; i < 400; i++) {
      const wanted = i % 4;
      const scene = randomScene(rng.derive(`scene-${i}`), 320, 320, 2 + (i % 7));
      const question = MULTIPLE_CHOICE_QUESTIONS.count(scene, rng.derive(`plan-${i}`), { count: wanted });
      const named = (predicate: (object: (typeof scene.objects)[number]) => boolean) => scene.objects.filter(predicate).length;
      const possible = SHAPES.some((shape) => named((object) => object.shape === shape) === wanted)
        || COLOURS.some(({ name }) => named((object) => object.colour === name) === wanted);
      expect([i, question !== null]).toEqual([i, possible]);
      if (question === null) continue;
      const colour = /^How many (\w+) shapes/.exec(question.question)?.[1];
      const shape = /^How many (\w+)s are there/.exec(question.question)?.[1];
      const recount = named((object) => (colour ? object.colour === colour : object.shape === shape));
      const answer = Number(question.options?.[LETTERS.indexOf(question.answer)]);
      expect([question.question, answer, recount]).toEqual([question.question, wanted, wanted]);
    }
  });

  it('asks for each count equally often, so no fixed answer beats chance (1,000 samples)', async () => {
    const more = await Promise.all(Array.from({ length: 1000 }, (_, i) => multipleChoiceGenerator.generate(29, i)));
    const answers = more
      .filter((sample) => metadataOf(sample).question.kind === 'count')
      .map((sample) => Number((sample.options as readonly string[])[LETTERS.indexOf(sample.answer)]));
    expect(answers.length).toBeGreaterThan(200);
    // a quarter each, +- 0.09 (3 standard deviations at 220 questions); before, "1" was right for half
    for (const value of [0, 1, 2, 3]) {
      const share = answers.filter((answer) => answer === value).length / answers.length;
      expect([value, Math.abs(share - 0.25) < 0.09]).toEqual([value, true]);
    }
  }, RENDERING_TIMEOUT_MS);

  it('draws exactly the scene of its metadata (read back from the pixels)', () => {
    for (const sample of samples.slice(0, 40)) {
      const scene = sceneOf(sample);
      const background = BACKGROUNDS.find((entry) => entry.name === scene.background)?.rgb ?? [255, 255, 255];
      const drawn = readScene(decodePng(sample.imageBytes as Uint8Array), background, COLOURS);
      expect([sample.id, sceneMatchesPixels(scene, drawn)]).toEqual([sample.id, true]);
    }
  }, RENDERING_TIMEOUT_MS);
});
