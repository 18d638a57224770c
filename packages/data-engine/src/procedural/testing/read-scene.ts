// Reads the shapes of a rendered scene back from its pixels, for tests: each blob's box, its
// colour (the nearest palette colour at its centre) and its kind, classified from two measures
// that do not depend on how the shapes were drawn:
//   fill = area / box area   (square 1, circle pi/4 = 0.785, triangle and diamond 1/2,
//                             five-pointed star with inner radius 0.45: about 0.38)
//   top  = share of the area in the top half of the box (triangle 1/4, the others about 1/2).

import type { DecodedPng } from './decode-png';
import { colourDistance, components, distanceMap, pixelAt, type Rgb } from './pixels';
import type { OracleObject } from './scene-oracle';

export interface NamedRgb {
  readonly name: string;
  readonly rgb: Rgb;
}

function shapeOf(fill: number, top: number): string {
  if (fill >= 0.9) return 'square';
  if (fill >= 0.68) return 'circle';
  if (fill >= 0.44) return top < 0.375 ? 'triangle' : 'diamond';
  return 'star';
}

function nearest(colour: Rgb, palette: readonly NamedRgb[]): NamedRgb {
  return palette.reduce((best, entry) => (colourDistance(colour, entry.rgb) < colourDistance(colour, best.rgb) ? entry : best));
}

/** The objects of a rendered scene as read from its pixels (box x2, y2 exclusive). */
export function readScene(image: DecodedPng, background: Rgb, palette: readonly NamedRgb[]): OracleObject[] {
  const distance = distanceMap(image, background);
  const ink = distance.map((value) => (value > 40 ? 1 : 0));
  return components(ink, image.width, image.height).map(({ box }) => {
    const [x1, y1, x2, y2] = box;
    const colour = nearest(pixelAt(image, Math.floor((x1 + x2) / 2), Math.floor((y1 + y2) / 2)), palette);
    // Count a pixel when it is at least half covered: halfway between background and fill colour.
    const half = colourDistance(colour.rgb, background) / 2;
    const middle = (y1 + y2) / 2;
    let area = 0;
    let topArea = 0;
    for (let y = y1; y < y2; y++) {
      for (let x = x1; x < x2; x++) {
        if (distance[y * image.width + x] <= half) continue;
        area++;
        if (y + 0.5 < middle) topArea++;
      }
    }
    const fill = area / ((x2 - x1) * (y2 - y1));
    return { shape: shapeOf(fill, topArea / area), colour: colour.name, box: [x1, y1, x2, y2] as const };
  });
}

/** True when two boxes agree to within `tolerance` pixels on every edge. */
export function sameBox(a: readonly number[], b: readonly number[], tolerance = 1): boolean {
  return a.every((edge, k) => Math.abs(edge - b[k]) <= tolerance);
}
