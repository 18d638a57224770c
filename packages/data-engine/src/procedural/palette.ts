// The named colours and shape kinds the procedural scenes and charts are drawn with. The eight
// colours differ clearly in hue or lightness, so each name is unambiguous in the rendered image.

export interface NamedColour {
  readonly name: string;
  readonly hex: string;
  readonly rgb: readonly [number, number, number];
}

function colour(name: string, rgb: readonly [number, number, number]): NamedColour {
  const hex = `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  return { name, hex, rgb };
}

/** The palette of shapes and chart series: name, hex code and RGB. */
export const COLOURS = [
  colour('red', [220, 38, 38]),
  colour('orange', [249, 130, 20]),
  colour('yellow', [234, 196, 0]),
  colour('green', [34, 150, 60]),
  colour('blue', [30, 90, 220]),
  colour('purple', [136, 58, 200]),
  colour('brown', [125, 78, 40]),
  colour('black', [30, 30, 30]),
] as const satisfies readonly NamedColour[];

export type ColourName = (typeof COLOURS)[number]['name'];
export const COLOUR_NAMES: readonly ColourName[] = COLOURS.map((entry) => entry.name);

/** The colour of a name in the palette. */
export function colourNamed(name: ColourName): NamedColour {
  const found = COLOURS.find((entry) => entry.name === name);
  if (!found) throw new TypeError(`palette: unknown colour "${name}"; colours: ${COLOUR_NAMES.join(', ')}`);
  return found;
}

/** Scene backgrounds: pale enough that every palette colour stands out. */
export const BACKGROUNDS = [
  colour('white', [255, 255, 255]),
  colour('light gray', [238, 238, 238]),
  colour('cream', [250, 244, 226]),
] as const satisfies readonly NamedColour[];

export type BackgroundName = (typeof BACKGROUNDS)[number]['name'];

export function backgroundNamed(name: BackgroundName): NamedColour {
  const found = BACKGROUNDS.find((entry) => entry.name === name);
  if (!found) throw new TypeError(`palette: unknown background "${name}"`);
  return found;
}

/** The shape kinds of the scenes. */
export const SHAPES = ['circle', 'square', 'triangle', 'star', 'diamond'] as const;
export type ShapeKind = (typeof SHAPES)[number];

/** The plural of a shape kind ("circles"). */
export function pluralOf(shape: ShapeKind): string {
  return `${shape}s`;
}

/** Colour of chart text, axes and gridlines. */
export const INK = '#222222';
export const GRID = '#d0d0d0';
