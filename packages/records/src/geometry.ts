/** An axis-aligned box `[x1, y1, x2, y2]` in pixels. */
export type Box = readonly [number, number, number, number];

/** An image size `[width, height]` in pixels. */
export type Size = readonly [number, number];
