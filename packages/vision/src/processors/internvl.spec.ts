import { createHash } from 'node:crypto';
import type { RgbImage } from '../image';
import { IMAGENET_MEAN, IMAGENET_STD, normalisationTables } from '../normalize';
import {
  closestTileGrid,
  createInternVLProcessor,
  INTERNVL_TILE_LENGTH,
  internVLTileGrids,
  type TileGrid,
} from './internvl';

const TILE = 448;
const PLANE = TILE * TILE;

/** Pixel (x, y) holds R = x mod 251, G = y mod 241, B = (x + 3y) mod 256: each tile's own values. */
const pattern = (x: number, y: number) => [x % 251, y % 241, (x + 3 * y) % 256];

function patternImage(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pattern(x, y), (y * width + x) * 3);
  return { data, width, height, channels: 3 };
}

function uniformImage(width: number, height: number, rgb: readonly number[]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = rgb[i % 3];
  return { data, width, height, channels: 3 };
}

/** The value of channel c at (x, y) of tile `tile`: rows are tiles of CHW values. */
const valueAt = (rows: Float32Array, tile: number, c: number, x: number, y: number) => rows[tile * INTERNVL_TILE_LENGTH + c * PLANE + y * TILE + x];

/** `ToTensor` then `Normalize(IMAGENET_MEAN, IMAGENET_STD)` of one sample, in float64 (within float32 rounding of the processor). */
const normalised = (value: number, c: number) => (value / 255 - IMAGENET_MEAN[c]) / IMAGENET_STD[c];

const FLOAT32_DIGITS = 6;

describe('internVLTileGrids', () => {
  it('lists every grid of 1 to 12 tiles, fewest tiles first', () => {
    const grids = internVLTileGrids(1, 12);
    const counts = grids.map(({ columns, rows }) => columns * rows);
    // Grids with n tiles: the divisors of n. 1..12 have 1,2,2,3,2,4,2,4,3,4,2,6 divisors: 35 grids.
    expect(grids).toHaveLength(35);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(grids.slice(0, 6)).toEqual([
      { columns: 1, rows: 1 },
      { columns: 1, rows: 2 },
      { columns: 2, rows: 1 },
      { columns: 1, rows: 3 },
      { columns: 3, rows: 1 },
      { columns: 1, rows: 4 },
    ]);
  });

  it('keeps only grids within [minTiles, maxTiles]', () => {
    expect(internVLTileGrids(6, 6)).toEqual([
      { columns: 1, rows: 6 },
      { columns: 2, rows: 3 },
      { columns: 3, rows: 2 },
      { columns: 6, rows: 1 },
    ]);
  });

  /** Whether two grids of the same tile count are neighbours in aspect-ratio order (no grid in between). */
  const sameCountNeighbours = (grids: readonly TileGrid[]) => {
    const byRatio = [...grids].sort((a, b) => a.columns / a.rows - b.columns / b.rows);
    return byRatio.some((grid, i) => {
      const next = byRatio[i + 1];
      return next !== undefined && next.columns * next.rows === grid.columns * grid.rows;
    });
  };

  it('never leaves two grids of the same count as neighbours with minTiles 1, so their order cannot matter', () => {
    for (let maxTiles = 1; maxTiles <= 40; maxTiles++) expect(sameCountNeighbours(internVLTileGrids(1, maxTiles))).toBe(false);
    expect(sameCountNeighbours(internVLTileGrids(6, 6))).toBe(true);
  });
});

describe('closestTileGrid (find_closest_aspect_ratio)', () => {
  const grids = internVLTileGrids(1, 12);
  const closest = (width: number, height: number) => closestTileGrid(grids, width, height);

  it.each([
    // 800/600 = 4/3 exactly: only 4x3 matches it, and the smaller ones are further off.
    [800, 600, { columns: 4, rows: 3 }],
    // Square and small: 1x1, 2x2 and 3x3 tie at 0; the area 448^2 is not over half of 2x2's.
    [448, 448, { columns: 1, rows: 1 }],
    // Square: 810,000 px is over half of 2x2 (401,408) but not of 3x3 (903,168).
    [900, 900, { columns: 2, rows: 2 }],
    // Square: 1,000,000 px is over half of 3x3 (903,168), so the tie goes to 3x3.
    [1000, 1000, { columns: 3, rows: 3 }],
    // A 10:1 panorama: 10x1 exactly.
    [3000, 300, { columns: 10, rows: 1 }],
    // 1:20 is beyond every grid: the most extreme, 1x12.
    [100, 2000, { columns: 1, rows: 12 }],
    // 640/480 = 4/3, area 307,200: 1x1 (diff 1/3) ties with 2x2 but 307,200 < 401,408; then 3x2 (diff 1/6), then 4x3 (diff 0).
    [640, 480, { columns: 4, rows: 3 }],
    // 1.6: 3x2 (1.5) is closest; 5x3 and 8x5 would be closer but have over 12 tiles.
    [1600, 1000, { columns: 3, rows: 2 }],
  ])('picks the grid of a %ix%i image', (width, height, expected) => {
    expect(closest(width, height)).toEqual(expected);
  });

  it('breaks a tie by area between grids of different shapes', () => {
    // 5:4 = 1.25 lies halfway between 1x1 (1) and 3x2 (1.5); no grid is in between with at most 6 tiles.
    const upToSix = internVLTileGrids(1, 6);
    expect(closestTileGrid(upToSix, 500, 400)).toEqual({ columns: 1, rows: 1 }); // 200,000 <= 602,112
    expect(closestTileGrid(upToSix, 1250, 1000)).toEqual({ columns: 3, rows: 2 }); // 1,250,000 > 602,112
  });
});

describe('the InternVL processor', () => {
  const processor = createInternVLProcessor();

  it('gives hand-derived grids, model-input sizes, rows and tokens', async () => {
    const cases = [
      // [width, height] -> [columns, rows], tiles incl. thumbnail
      [800, 600, 4, 3, 13],
      [448, 448, 1, 1, 1],
      [3000, 300, 10, 1, 11],
      [300, 500, 2, 3, 7], // 0.6: 2x3 (0.667) is closer than 1x2 (0.5)
    ] as const;
    for (const [width, height, columns, rows, tiles] of cases) {
      const result = await processor.process(uniformImage(width, height, [10, 20, 30]), `${width}x${height}`);
      expect(processor.inputSize([width, height])).toEqual([TILE * columns, TILE * rows]);
      expect(result).toMatchObject({
        sampleId: `${width}x${height}`,
        processor: 'internvl',
        grid: { t: 1, h: rows, w: columns },
        inputSize: [TILE * columns, TILE * rows],
        rowCount: tiles,
        rowLength: 3 * TILE * TILE,
        tokenCount: 256 * tiles,
      });
      expect(result.rows.length).toBe(tiles * 3 * TILE * TILE);
    }
  });

  it('crops the tiles row-major from the resized image, then appends the thumbnail', async () => {
    // 1344x896 is already 3x2 tiles (aspect 1.5), so the resize keeps every pixel in place.
    const image = patternImage(3 * TILE, 2 * TILE);
    const { rows, rowCount, grid } = await processor.process(image, 'pattern');
    expect(grid).toEqual({ t: 1, h: 2, w: 3 });
    expect(rowCount).toBe(7);
    const points = [
      [0, 0],
      [447, 0],
      [0, 447],
      [447, 447],
      [123, 321],
    ];
    for (let tile = 0; tile < 6; tile++) {
      const [left, top] = [(tile % 3) * TILE, Math.floor(tile / 3) * TILE];
      for (const [x, y] of points) {
        const rgb = pattern(left + x, top + y);
        for (let c = 0; c < 3; c++) expect(valueAt(rows, tile, c, x, y)).toBeCloseTo(normalised(rgb[c], c), FLOAT32_DIGITS);
      }
    }
    // The thumbnail (row 6) is the whole image shrunk 3x2 times: the pattern's slow green ramp
    // (G = y mod 241) near the top left corner is about twice y.
    expect(valueAt(rows, 6, 1, 0, 10)).toBeCloseTo(normalised(20, 1), 1);
  });

  it('normalises with ImageNet mean and std, channel-major within a tile', async () => {
    const { rows } = await processor.process(uniformImage(TILE, TILE, [255, 0, 128]), 'uniform');
    // By hand: (1 - 0.485) / 0.229, (0 - 0.456) / 0.224, (128/255 - 0.406) / 0.225.
    const expected = [2.2489083, -2.0357143, 0.4264924];
    for (let c = 0; c < 3; c++) {
      expect(rows[c * PLANE]).toBeCloseTo(expected[c], FLOAT32_DIGITS);
      expect(rows[c * PLANE + PLANE - 1]).toBeCloseTo(expected[c], FLOAT32_DIGITS);
    }
  });

  it('adds no thumbnail when useThumbnail is off', async () => {
    const result = await createInternVLProcessor({ useThumbnail: false }).process(uniformImage(800, 600, [1, 2, 3]), 'no-thumbnail');
    expect([result.rowCount, result.tokenCount]).toEqual([12, 12 * 256]);
  });

  it('honours minTiles and maxTiles', () => {
    expect(createInternVLProcessor({ maxTiles: 6 }).inputSize([800, 600])).toEqual([TILE * 3, TILE * 2]);
    expect(createInternVLProcessor({ minTiles: 2, maxTiles: 4 }).inputSize([448, 448])).toEqual([TILE * 2, TILE * 2]);
    expect(createInternVLProcessor({ maxTiles: 1 }).inputSize([3000, 300])).toEqual([TILE, TILE]);
  });

  it('rejects tile counts that select no grid', () => {
    expect(() => createInternVLProcessor({ minTiles: 8, maxTiles: 4 })).toThrow(
      'InternVL processor: minTiles (8) is over maxTiles (4); lower minTiles or raise maxTiles',
    );
    expect(() => createInternVLProcessor({ maxTiles: 0 })).toThrow(/maxTiles must be a whole number >= 1, found 0/);
  });
});

/** R = (37x + 11y) & 255, G = (x xor y) & 255, B = (xy >> 3) & 255: detail at every scale, for the resize. */
function referenceImage(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([(x * 37 + y * 11) & 255, (x ^ y) & 255, ((x * y) >> 3) & 255], (y * width + x) * 3);
  }
  return { data, width, height, channels: 3 };
}

describe('the InternVL processor against the Python reference', () => {
  // SHA-256 of the little-endian float32 tiles from InternVL's own code, run with Pillow 9.4.0 and
  // NumPy 1.24: `dynamic_preprocess(Image.fromarray(referenceImage), image_size=448, max_num=12,
  // use_thumbnail=True)` as in the InternVL2.5 model card, then each tile through
  // `build_transform`'s arithmetic, `(np.asarray(tile).transpose(2, 0, 1).astype(np.float32) /
  // np.float32(255) - mean) / std` with float32 IMAGENET_MEAN and IMAGENET_STD (what
  // `T.ToTensor()` and `T.Normalize` compute; the 448x448 `T.Resize` of a tile is a copy).
  it.each([
    [800, 600, 13, 'ac904f721765d110def9d7a32ead783081ec6d59978e839d96c94abe6946ef91'],
    [300, 500, 7, '4e6ae35e85334919bb4c78eae201db9e925d9912afe6322be45b7e7ae7ad3434'],
    [33, 77, 11, 'b4cd2b3890ceacb4218d5ca8cfd93cb723a6fbd1f6e8577836ea2ecc2f8eedc3'],
    [1000, 1000, 10, '07f7ca0d9799eadadbdfb57fcbf30b074739f4eaa3e83f28571c0d750e41c510'],
    [448, 448, 1, '64568e89d30c452bf89faedeccbe538ee11b9b4db399210336615c1dbdb9b4f7'],
  ])('gives the reference tiles of a %ix%i image bit for bit with the pil resampler', async (width, height, tiles, sha256) => {
    const { rows, rowCount } = await createInternVLProcessor().process(referenceImage(width, height), 'reference');
    expect(rowCount).toBe(tiles);
    expect(createHash('sha256').update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength)).digest('hex')).toBe(sha256);
  });
});

describe('ImageNet normalisation as torchvision does it', () => {
  it('ToTensor (a float32 division by 255) gives the same float32 as multiplying by 1/255, for every uint8', () => {
    for (let value = 0; value < 256; value++) expect(Math.fround(Math.fround(value) / 255)).toBe(Math.fround(value * (1 / 255)));
  });

  it('normalisationTables equals (x/255 - mean) / std in float32 steps', () => {
    const tables = normalisationTables(IMAGENET_MEAN, IMAGENET_STD);
    for (let c = 0; c < 3; c++) {
      for (const value of [0, 1, 127, 128, 254, 255]) {
        const step = Math.fround(Math.fround(value / 255) - Math.fround(IMAGENET_MEAN[c]));
        expect(tables[c][value]).toBe(Math.fround(step / Math.fround(IMAGENET_STD[c])));
      }
    }
  });
});
