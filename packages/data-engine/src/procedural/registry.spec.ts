import { TASK_TYPES, type SampleRow } from '@mixed-r1/records';
import { GENERATOR_NAMES, GENERATORS, generatorNamed, generatorsForTask, mixed45kGenerators } from './registry';
import { MAX_IMAGE_SIDE, MIN_IMAGE_SIDE } from './sample';
import { decodePng } from './testing/decode-png';
import { metadataOf } from './testing/scene-oracle';

const SEED = 20250530;
const SAMPLES_PER_GENERATOR = 40;
/** Rendering 200 images takes about a second; leave room for a busy machine. */
const RENDERING_TIMEOUT_MS = 60_000;

const samplesOf = new Map<string, SampleRow[]>();

beforeAll(async () => {
  for (const name of GENERATOR_NAMES) {
    const generator = GENERATORS[name];
    samplesOf.set(name, await Promise.all(Array.from({ length: SAMPLES_PER_GENERATOR }, (_, i) => generator.generate(SEED, i))));
  }
}, RENDERING_TIMEOUT_MS);

const SOLUTION = /^<think>([^<]+)<\/think><answer>([^<]+)<\/answer>$/;

describe('procedural generator registry', () => {
  it('has at least one generator for every task type, each under its own name', () => {
    for (const task of TASK_TYPES) expect(generatorsForTask(task).length).toBeGreaterThan(0);
    for (const name of GENERATOR_NAMES) expect(GENERATORS[name].name).toBe(name);
    expect(GENERATOR_NAMES).toEqual(['chart', 'grounding', 'yes-no', 'multiple-choice', 'open-ended', 'existence-drill']);
  });

  it('makes Mixed-45K with every generator but the drills', () => {
    expect(mixed45kGenerators().map((generator) => generator.name)).toEqual(['chart', 'grounding', 'yes-no', 'multiple-choice', 'open-ended']);
    expect(generatorsForTask('yes_no').map((generator) => generator.name)).toEqual(['yes-no']);
  });

  it('finds a generator by name and names the valid ones for an unknown name', () => {
    expect(generatorNamed('chart')).toBe(GENERATORS.chart);
    expect(() => generatorNamed('charts')).toThrow(
      'unknown procedural generator "charts"; valid generators: chart, grounding, yes-no, multiple-choice, open-ended, existence-drill',
    );
    expect(() => generatorNamed('toString')).toThrow(/unknown procedural generator "toString"/);
  });
});

describe.each(GENERATOR_NAMES)('generator %s', (name) => {
  const samples = () => samplesOf.get(name) as SampleRow[];

  it('fills every sample column as the sample schema expects', () => {
    samples().forEach((sample, i) => {
      expect(sample.id).toBe(`procedural/${name}/${SEED}-${i}`);
      expect(sample.source).toBe(`procedural/${name}`);
      expect(sample.task).toBe(GENERATORS[name].task);
      expect(sample.imagePath).toBeNull();
      expect(sample.question.length).toBeGreaterThan(5);
      expect(sample.answer.trim()).toBe(sample.answer);
      expect(sample.answer.length).toBeGreaterThan(0);
    });
  });

  it('stores a PNG of the stated size, each side in [112, 448]', () => {
    const sizes = new Set<string>();
    for (const sample of samples()) {
      const image = decodePng(sample.imageBytes as Uint8Array);
      expect([image.width, image.height]).toEqual([sample.imageWidth, sample.imageHeight]);
      for (const side of [sample.imageWidth, sample.imageHeight]) {
        expect(side).toBeGreaterThanOrEqual(MIN_IMAGE_SIDE);
        expect(side).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
      }
      sizes.add(`${sample.imageWidth}x${sample.imageHeight}`);
    }
    expect(sizes.size).toBeGreaterThan(SAMPLES_PER_GENERATOR / 2);
  });

  it('gives a worked solution: one <think> with the facts, one <answer> with the ground truth', () => {
    for (const sample of samples()) {
      const match = SOLUTION.exec(sample.solution ?? '');
      expect(match).not.toBeNull();
      const [, reasoning, answer] = match as RegExpExecArray;
      expect(answer).toBe(sample.answer);
      expect(reasoning.length).toBeGreaterThan(20);
    }
  });

  it('explains each sample in its metadata', () => {
    samples().forEach((sample, i) => {
      const metadata = metadataOf(sample);
      expect([metadata.generator, metadata.seed, metadata.index]).toEqual([name, SEED, i]);
      expect(metadata.question).toBeDefined();
      expect(metadata.scene ?? metadata.chart).toBeDefined();
    });
  });

  it('is deterministic: the same (seed, index) gives an identical sample, whatever was generated before', async () => {
    const generator = GENERATORS[name];
    const again = await generator.generate(SEED, 7);
    expect(again).toEqual(samples()[7]);
    expect(Buffer.from(again.imageBytes as Uint8Array).equals(Buffer.from(samples()[7].imageBytes as Uint8Array))).toBe(true);
  });

  it('varies with the index and with the seed', async () => {
    const bytes = new Set(samples().map((sample) => Buffer.from(sample.imageBytes as Uint8Array).toString('base64')));
    expect(bytes.size).toBe(SAMPLES_PER_GENERATOR);
    const otherSeed = await GENERATORS[name].generate(SEED + 1, 7);
    const seventh = Buffer.from(samples()[7].imageBytes as Uint8Array);
    expect(Buffer.from(otherSeed.imageBytes as Uint8Array).equals(seventh)).toBe(false);
  });
});
