import type { CandidateSample } from '../candidate';
import { DEFAULT_ENGINE_CONFIG } from '../config/engine-config';
import { processCandidate, type SampleOutcome } from './process-sample';
import { fakeDecoder, patternedImage } from './test-fakes';

const limits = DEFAULT_ENGINE_CONFIG.limits;
const checks = { decode: fakeDecoder, limits };

function candidate(overrides: Partial<CandidateSample>): CandidateSample {
  return {
    id: 'c1',
    source: 'test',
    task: 'yes_no',
    question: 'Is it grey?',
    options: null,
    answer: 'yes',
    answerBox: null,
    imageBytes: patternedImage(1, 64, 48),
    imagePath: null,
    solution: null,
    metadata: null,
    ...overrides,
  };
}

async function reasonOf(overrides: Partial<CandidateSample>, limitOverrides = {}): Promise<string> {
  const outcome: SampleOutcome = await processCandidate(candidate(overrides), null, { ...checks, limits: { ...limits, ...limitOverrides } });
  if (outcome.kind !== 'rejected') throw new Error('expected a rejection');
  expect(outcome.stage).toBe('validate');
  expect(outcome.sampleId).toBe('c1');
  return outcome.reason;
}

describe('validation of one sample', () => {
  it('accepts a valid sample: fills its size, embeds its bytes and hashes its image', async () => {
    const outcome = await processCandidate(candidate({}), null, checks);
    expect(outcome).toMatchObject({ kind: 'valid', questionKey: 'is it grey?', sample: { imageWidth: 64, imageHeight: 48 } });
    if (outcome.kind === 'valid') {
      expect(outcome.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(outcome.sample.imageBytes).toEqual(patternedImage(1, 64, 48));
    }
  });

  it.each<[string, Partial<CandidateSample>, RegExp]>([
    ['an empty question', { question: '  ' }, /^empty question:/],
    ['a yes/no answer that is neither', { answer: 'maybe' }, /^yes\/no answer: expected "yes" or "no", found "maybe"/],
    ['multiple choice without options', { task: 'multiple_choice', answer: 'A' }, /^multiple-choice options: expected 2 to 26 options, found none/],
    ['multiple choice with one option', { task: 'multiple_choice', options: ['a'], answer: 'A' }, /^multiple-choice options: expected 2 to 26 options, found 1/],
    ['multiple choice with 27 options', { task: 'multiple_choice', options: Array.from({ length: 27 }, (_, i) => `o${i}`), answer: 'A' }, /found 27/],
    ['an empty option', { task: 'multiple_choice', options: ['a', ' '], answer: 'A' }, /^multiple-choice options: option B is empty/],
    ['an answer that is not a letter', { task: 'multiple_choice', options: ['a', 'b'], answer: 'the first' }, /^multiple-choice answer: expected an option letter, found "the first"/],
    ['a letter beyond the options', { task: 'multiple_choice', options: ['a', 'b', 'c'], answer: 'D' }, /^multiple-choice answer: "D" is not among the 3 options \(A to C\)/],
    ['an empty chart answer', { task: 'chart', answer: '' }, /^chart answer: the answer is empty/],
    ['a long chart answer', { task: 'chart', answer: 'x'.repeat(65) }, /^chart answer: 65 characters, over the limit of 64/],
    ['grounding without a box', { task: 'grounding', answer: 'left' }, /^grounding box: the sample has no box/],
    ['a reversed box', { task: 'grounding', answerBox: [30, 10, 20, 40] }, /^grounding box: expected x2 > x1 and y2 > y1/],
    ['a box with NaN', { task: 'grounding', answerBox: [1, 2, Number.NaN, 4] }, /^grounding box: expected 4 finite numbers/],
    ['a box outside the image', { task: 'grounding', answerBox: [10, 10, 65, 40] }, /^grounding box: \[10, 10, 65, 40\] is not inside the 64x48 image/],
    ['an empty open-ended reference', { task: 'open_ended', answer: ' ' }, /^open-ended reference: the reference answer is empty/],
    ['no image at all', { imageBytes: null }, /^image missing:/],
    ['bytes that are not an image', { imageBytes: Uint8Array.from([1, 2, 3]) }, /^image undecodable: image of sample "c1": not an image file/],
    ['a truncated image', { imageBytes: patternedImage(1, 64, 48).subarray(0, 100) }, /^image undecodable: .*truncated/],
    ['a declared size that is not the image size', { imageWidth: 60, imageHeight: 48 }, /^image size mismatch: the sample declares 60x48, the image is 64x48/],
  ])('rejects %s', async (_what, overrides, reason) => {
    expect(await reasonOf(overrides)).toMatch(reason);
  });

  it.each<[string, [number, number], object, RegExp]>([
    ['a side under minSide', [27, 100], {}, /^image too small: 27x100 has a side under 28 px \(limits\.minSide\)/],
    ['a side over maxSide', [120, 40], { maxSide: 100 }, /^image too large: 120x40 has a side over 100 px/],
    ['an extreme aspect ratio', [300, 30], { maxAspectRatio: 5 }, /^image aspect ratio: 300x30 is 10\.0:1, over 5:1/],
    ['too many pixels (decoder limit)', [100, 100], { maxPixels: 9999 }, /^image too-many-pixels: .*100x100 is over 9999 pixels/],
  ])('rejects an image with %s', async (_what, [width, height], limitOverrides, reason) => {
    expect(await reasonOf({ imageBytes: patternedImage(3, width, height) }, limitOverrides)).toMatch(reason);
  });

  it('reads an image by path under its root and refuses one that escapes it', async () => {
    const { mkdtempSync, writeFileSync, symlinkSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'validate-'));
    mkdirSync(join(folder, 'root'));
    writeFileSync(join(folder, 'root', 'in.img'), patternedImage(5));
    writeFileSync(join(folder, 'outside.img'), patternedImage(5));
    symlinkSync(join(folder, 'outside.img'), join(folder, 'root', 'link.img'));
    const root = join(folder, 'root');
    expect((await processCandidate(candidate({ imageBytes: null, imagePath: 'in.img' }), root, checks)).kind).toBe('valid');
    expect(await processCandidate(candidate({ imageBytes: null, imagePath: '../outside.img' }), root, checks)).toMatchObject({ reason: expect.stringMatching(/^image path escapes the source's root/) });
    expect(await processCandidate(candidate({ imageBytes: null, imagePath: 'link.img' }), root, checks)).toMatchObject({ reason: expect.stringMatching(/^image path escapes the source's root/) });
    expect(await processCandidate(candidate({ imageBytes: null, imagePath: 'missing.img' }), root, checks)).toMatchObject({ reason: expect.stringMatching(/^image unreadable: .*ENOENT/) });
  });

  it('rejects at the normalise stage what cannot be normalised', async () => {
    expect(await processCandidate(candidate({ id: '' }), null, checks)).toMatchObject({ kind: 'rejected', stage: 'normalise', sampleId: null });
  });

  it('lets an unexpected decoder failure through, naming the sample', async () => {
    const broken = { ...checks, decode: async () => Promise.reject(new RangeError('boom')) };
    await expect(processCandidate(candidate({}), null, broken)).rejects.toThrow(/sample "c1": decoding its image failed unexpectedly: boom/);
  });
});
