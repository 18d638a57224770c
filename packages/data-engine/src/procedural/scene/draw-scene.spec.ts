import { renderSvgToPng } from '@mixed-r1/vision';
import { backgroundNamed, colourNamed } from '../palette';
import { Rng } from '../rng';
import { decodePng } from '../testing/decode-png';
import { colourDistance, components, differsMask, pixelAt } from '../testing/pixels';
import { sceneSvg } from './draw-scene';
import { OBJECT_GAP, objectCapacity, randomScene, type Scene } from './scene';

/** A pixel counts as ink when some channel differs from the background by more than this. */
const INK_THRESHOLD = 40;
/** Antialiasing may lighten or extend an edge by this many pixels. */
const EDGE_TOLERANCE = 1;
/** Largest channel difference between a shape's interior and its palette colour. */
const FILL_TOLERANCE = 2;
/** Rendering and decoding 40 images takes about a second; leave room for a busy machine. */
const RENDERING_TIMEOUT_MS = 60_000;

function scenes(count: number): Scene[] {
  return Array.from({ length: count }, (_, i) => {
    const rng = Rng.forSample(99, 'scene-test', i);
    const [width, height] = [rng.int(112, 448), rng.int(112, 448)];
    return randomScene(rng, width, height, rng.int(2, objectCapacity(width, height)));
  });
}

describe('scene drawing', () => {
  const drawn = scenes(40);

  it('places objects inside the image, never closer than the gap', () => {
    for (const scene of drawn) {
      for (const [i, a] of scene.objects.entries()) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.y).toBeGreaterThanOrEqual(0);
        expect(a.x + a.size).toBeLessThanOrEqual(scene.width);
        expect(a.y + a.size).toBeLessThanOrEqual(scene.height);
        for (const b of scene.objects.slice(i + 1)) {
          const apartX = Math.max(b.x - (a.x + a.size), a.x - (b.x + b.size));
          const apartY = Math.max(b.y - (a.y + a.size), a.y - (b.y + b.size));
          expect(Math.max(apartX, apartY)).toBeGreaterThanOrEqual(OBJECT_GAP);
        }
      }
    }
  });

  it('draws exactly one blob per object, filling its box tightly in its palette colour', async () => {
    for (const scene of drawn) {
      const image = decodePng(await renderSvgToPng(sceneSvg(scene), scene.width, scene.height));
      const background = backgroundNamed(scene.background).rgb;
      const blobs = components(differsMask(image, background, INK_THRESHOLD), image.width, image.height);
      expect(blobs).toHaveLength(scene.objects.length);
      for (const object of scene.objects) {
        const expected = [object.x, object.y, object.x + object.size, object.y + object.size];
        const blob = blobs.find(({ box }) => box.every((edge, k) => Math.abs(edge - expected[k]) <= EDGE_TOLERANCE));
        expect(blob).toBeDefined();
        const centre = pixelAt(image, Math.floor(object.x + object.size / 2), Math.floor(object.y + object.size / 2));
        expect(colourDistance(centre, colourNamed(object.colour).rgb)).toBeLessThanOrEqual(FILL_TOLERANCE);
      }
    }
  }, RENDERING_TIMEOUT_MS);
});
