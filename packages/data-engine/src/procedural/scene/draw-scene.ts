// Draws a scene as SVG: each shape filled with its palette colour and touching all four sides of
// its integer box, so the box is the shape's exact bounding box.

import { backgroundNamed, colourNamed, type ShapeKind } from '../palette';
import { num, polygon, rect, svgDocument } from '../svg';
import type { Scene, SceneObject } from './scene';

type Point = readonly [number, number];

/** The points of a regular five-pointed star (inner radius 0.45 of the outer), scaled to the unit square. */
function unitStar(): Point[] {
  const raw: Point[] = [];
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? 1 : 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    raw.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  const xs = raw.map(([x]) => x);
  const ys = raw.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return raw.map(([x, y]) => [(x - minX) / (maxX - minX), (y - minY) / (maxY - minY)]);
}

const TRIANGLE: readonly Point[] = [
  [0.5, 0],
  [1, 1],
  [0, 1],
];
const DIAMOND: readonly Point[] = [
  [0.5, 0],
  [1, 0.5],
  [0.5, 1],
  [0, 0.5],
];
const STAR = unitStar();

type Drawer = (object: SceneObject, fill: string) => string;

function polygonDrawer(unit: readonly Point[]): Drawer {
  return ({ x, y, size }, fill) =>
    polygon(
      unit.map(([u, v]) => [x + u * size, y + v * size]),
      fill,
    );
}

/** How each shape kind is drawn inside its box. */
const DRAWERS: Readonly<Record<ShapeKind, Drawer>> = {
  circle: ({ x, y, size }, fill) =>
    `<circle cx="${num(x + size / 2)}" cy="${num(y + size / 2)}" r="${num(size / 2)}" fill="${fill}"/>`,
  square: ({ x, y, size }, fill) => rect(x, y, size, size, fill),
  triangle: polygonDrawer(TRIANGLE),
  diamond: polygonDrawer(DIAMOND),
  star: polygonDrawer(STAR),
};

/** One object as an SVG element. */
export function objectSvg(object: SceneObject): string {
  return DRAWERS[object.shape](object, colourNamed(object.colour).hex);
}

/** The whole scene as an SVG document of its exact size. */
export function sceneSvg(scene: Scene): string {
  return svgDocument(scene.width, scene.height, backgroundNamed(scene.background).hex, scene.objects.map(objectSvg));
}
