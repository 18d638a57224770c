import type { SampleRow } from '@mixed-r1/records';
import { BACKGROUNDS, COLOURS } from '../palette';
import { decodePng } from '../testing/decode-png';
import { colourDistance, differsMask, maskBox, pixelAt } from '../testing/pixels';
import { metadataOf, resolvePhrase, sceneOf } from '../testing/scene-oracle';
import { groundingGenerator } from './grounding-generator';

const COUNT = 60;
/** Antialiased edges may start one pixel early or late. */
const EDGE_TOLERANCE = 1;
/** Other shapes are at least 6 px away, so a 3 px margin around the box holds only the target. */
const MARGIN = 3;
/** Generous: rendering and checking takes a few seconds, more on a busy machine. */
const RENDERING_TIMEOUT_MS = 60_000;

const rgbOf = (name: string, table: readonly { name: string; rgb: readonly [number, number, number] }[]) => {
  const found = table.find((entry) => entry.name === name);
  if (!found) throw new Error(`no colour ${name}`);
  return found.rgb;
};

describe('grounding generator', () => {
  let samples: SampleRow[] = [];
  beforeAll(async () => {
    samples = await Promise.all(Array.from({ length: COUNT }, (_, i) => groundingGenerator.generate(3, i)));
  }, RENDERING_TIMEOUT_MS);

  it('answers with the box as "[x1, y1, x2, y2]" in whole pixels inside the image', () => {
    for (const sample of samples) {
      const box = sample.answerBox as readonly number[];
      expect(box).toHaveLength(4);
      expect(box.every(Number.isInteger)).toBe(true);
      expect(sample.answer).toBe(`[${box.join(', ')}]`);
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[1]).toBeGreaterThanOrEqual(0);
      expect(box[2]).toBeLessThanOrEqual(sample.imageWidth);
      expect(box[3]).toBeLessThanOrEqual(sample.imageHeight);
      expect(box[2] - box[0]).toBeGreaterThanOrEqual(16);
      expect(box[3] - box[1]).toBeGreaterThanOrEqual(16);
    }
  });

  it('names exactly one object of the scene, the one whose box is the answer', () => {
    const ways = new Set<string>();
    for (const sample of samples) {
      const { question } = metadataOf(sample);
      const phrase = question.referent as string;
      expect(sample.question).toContain(`the ${phrase}`);
      const matches = resolvePhrase(phrase, sceneOf(sample));
      expect(matches).toHaveLength(1);
      expect(matches[0].box).toEqual(sample.answerBox);
      ways.add(question.by as string);
    }
    expect(ways.size).toBeGreaterThanOrEqual(3);
  });

  it('draws the named object exactly in the answer box, in its colour (checked on the PNG pixels)', () => {
    for (const sample of samples) {
      const image = decodePng(sample.imageBytes as Uint8Array);
      const scene = sceneOf(sample);
      const [x1, y1, x2, y2] = sample.answerBox as readonly number[];
      const target = resolvePhrase(metadataOf(sample).question.referent as string, scene)[0];
      const ink = differsMask(image, rgbOf(scene.background, BACKGROUNDS), 40);
      const drawn = maskBox(ink, image.width, [x1 - MARGIN, y1 - MARGIN, x2 + MARGIN, y2 + MARGIN]);
      expect(drawn).not.toBeNull();
      (drawn as number[]).forEach((edge, k) => expect(Math.abs(edge - [x1, y1, x2, y2][k])).toBeLessThanOrEqual(EDGE_TOLERANCE));
      const centre = pixelAt(image, Math.floor((x1 + x2) / 2), Math.floor((y1 + y2) / 2));
      expect(colourDistance(centre, rgbOf(target.colour, COLOURS))).toBeLessThanOrEqual(2);
    }
  }, RENDERING_TIMEOUT_MS);
});
