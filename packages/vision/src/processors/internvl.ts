import type { Size } from '@mixed-r1/records';
import type { RgbImage } from '../image';
import { IMAGENET_MEAN, IMAGENET_STD, normalisationTables } from '../normalize';
import type { ImageProcessor, ProcessedImage } from '../processor';
import { resamplerNamed, type ResamplerName } from '../resample';

// InternVL 2 / 2.5 dynamic tiling, as in the model cards' `load_image` (e.g. OpenGVLab/InternVL2_5-8B
// README.md, "Inference with Transformers") and `internvl_chat/internvl/train/dataset.py`:
// `build_transform`, `find_closest_aspect_ratio`, `dynamic_preprocess`.

/** `image_size`: the side of a square tile (InternVL2/2.5 `force_image_size`). */
export const INTERNVL_TILE_SIZE = 448;
/** `num_image_token`: (448 / 14)^2 patches after pixel shuffle by 0.5: 256 tokens per tile. */
export const INTERNVL_TOKENS_PER_TILE = 256;
/** One tile's values: 3 channels of 448 x 448, channel-major (CHW). */
export const INTERNVL_TILE_LENGTH = 3 * INTERNVL_TILE_SIZE * INTERNVL_TILE_SIZE;

export interface InternVLProcessorOptions {
  /** `min_num`: the fewest tiles of the grid (thumbnail not counted). */
  readonly minTiles: number;
  /** `max_num`: the most tiles of the grid (thumbnail not counted). */
  readonly maxTiles: number;
  /** `use_thumbnail`: add a 448x448 resize of the whole image after the tiles, when there are several. */
  readonly useThumbnail: boolean;
  /** 'pil': bit-exact with Pillow's BICUBIC, the default of PIL's `Image.resize` (default); 'sharp': faster, not bit-exact. */
  readonly resample: ResamplerName;
}

/** `load_image(image_file, input_size=448, max_num=12)`, with `use_thumbnail=True` as in the model cards. */
export const DEFAULT_INTERNVL_OPTIONS: InternVLProcessorOptions = Object.freeze({
  minTiles: 1,
  maxTiles: 12,
  useThumbnail: true,
  resample: 'pil',
});

/** A tile grid: `columns` tiles across (ratio[0] in InternVL), `rows` down (ratio[1]). */
export interface TileGrid {
  readonly columns: number;
  readonly rows: number;
}

/**
 * `target_ratios` of `dynamic_preprocess`: every grid with minTiles <= columns * rows <= maxTiles,
 * sorted by tile count. InternVL sorts a Python set, so grids of the same tile count come in
 * CPython's hash order; here they come by ascending `columns`. The order only matters when two
 * grids of the same count are equally close to the image's aspect ratio with no grid between
 * them. With minTiles 1 there always is one (between c1/r1 < c2/r2 of the same count lies
 * c1/r2, a smaller grid), so the result is InternVL's; with e.g. minTiles = maxTiles = 6, the
 * grids 2x3 and 3x2 are equally close to a 13x12 image and the result may differ.
 */
export function internVLTileGrids(minTiles: number, maxTiles: number): TileGrid[] {
  const grids: TileGrid[] = [];
  for (let columns = 1; columns <= maxTiles; columns++) {
    for (let rows = 1; columns * rows <= maxTiles; rows++) {
      if (columns * rows >= minTiles) grids.push({ columns, rows });
    }
  }
  return grids.sort((a, b) => a.columns * a.rows - b.columns * b.rows || a.columns - b.columns);
}

/**
 * `find_closest_aspect_ratio`: the grid whose columns/rows is closest to width/height; on a tie
 * the later (larger) grid wins when the image area is over half the grid's area in pixels.
 */
export function closestTileGrid(grids: readonly TileGrid[], width: number, height: number): TileGrid {
  const aspectRatio = width / height;
  const area = width * height;
  let bestDifference = Infinity;
  let best: TileGrid = { columns: 1, rows: 1 };
  for (const grid of grids) {
    const difference = Math.abs(aspectRatio - grid.columns / grid.rows);
    if (difference < bestDifference) {
      bestDifference = difference;
      best = grid;
    } else if (difference === bestDifference && area > 0.5 * INTERNVL_TILE_SIZE * INTERNVL_TILE_SIZE * grid.columns * grid.rows) {
      best = grid;
    }
  }
  return best;
}

const IMAGENET_TABLES = normalisationTables(IMAGENET_MEAN, IMAGENET_STD);

/**
 * Tile `index` (row-major, `dynamic_preprocess`'s crop boxes) of `image`, normalised as
 * `T.ToTensor()` then `T.Normalize(IMAGENET_MEAN, IMAGENET_STD)`: CHW float32 written at `out`.
 * ToTensor divides by 255 in float32, which gives the same float32 as `normalisationTables`'
 * multiplication by 1/255 for every uint8 value (tested).
 */
function writeTile(image: RgbImage, tileColumn: number, tileRow: number, rows: Float32Array, out: number): void {
  const { data, width } = image;
  const size = INTERNVL_TILE_SIZE;
  for (let channel = 0; channel < 3; channel++) {
    const table = IMAGENET_TABLES[channel];
    for (let y = 0; y < size; y++) {
      let pixel = ((tileRow * size + y) * width + tileColumn * size) * 3 + channel;
      for (let x = 0; x < size; x++, pixel += 3) rows[out++] = table[data[pixel]];
    }
  }
}

function checkTileCounts(minTiles: number, maxTiles: number): void {
  for (const [name, value] of [['minTiles', minTiles], ['maxTiles', maxTiles]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`InternVL processor: ${name} must be a whole number >= 1, found ${value}`);
  }
  if (minTiles > maxTiles) throw new RangeError(`InternVL processor: minTiles (${minTiles}) is over maxTiles (${maxTiles}); lower minTiles or raise maxTiles`);
}

/**
 * InternVL 2 / 2.5 preprocessing: the closest tile grid, a bicubic resize to (448 * columns,
 * 448 * rows), the tiles row-major, then a 448x448 thumbnail of the whole image when there are
 * several tiles; each tile normalised with ImageNet mean and std. Rows are tiles; 256 tokens each.
 */
export function createInternVLProcessor(options: Partial<InternVLProcessorOptions> = {}): ImageProcessor {
  const settings = { ...DEFAULT_INTERNVL_OPTIONS, ...options };
  checkTileCounts(settings.minTiles, settings.maxTiles);
  const grids = internVLTileGrids(settings.minTiles, settings.maxTiles);
  const resample = resamplerNamed(settings.resample);
  const gridOf = (width: number, height: number) => closestTileGrid(grids, width, height);
  return {
    name: 'internvl',
    inputSize(originalSize: Size): Size {
      const { columns, rows } = gridOf(originalSize[0], originalSize[1]);
      return [INTERNVL_TILE_SIZE * columns, INTERNVL_TILE_SIZE * rows];
    },
    async process(image: RgbImage, sampleId: string): Promise<ProcessedImage> {
      const grid = gridOf(image.width, image.height);
      const inputSize: Size = [INTERNVL_TILE_SIZE * grid.columns, INTERNVL_TILE_SIZE * grid.rows];
      const tileCount = grid.columns * grid.rows;
      const withThumbnail = settings.useThumbnail && tileCount !== 1;
      const rowCount = tileCount + (withThumbnail ? 1 : 0);
      const rows = new Float32Array(rowCount * INTERNVL_TILE_LENGTH);
      const resized = await resample(image, inputSize[0], inputSize[1]);
      for (let tile = 0; tile < tileCount; tile++) {
        writeTile(resized, tile % grid.columns, Math.floor(tile / grid.columns), rows, tile * INTERNVL_TILE_LENGTH);
      }
      if (withThumbnail) {
        const thumbnail = await resample(image, INTERNVL_TILE_SIZE, INTERNVL_TILE_SIZE);
        writeTile(thumbnail, 0, 0, rows, tileCount * INTERNVL_TILE_LENGTH);
      }
      return {
        sampleId,
        processor: 'internvl',
        rows,
        rowCount,
        rowLength: INTERNVL_TILE_LENGTH,
        grid: { t: 1, h: grid.rows, w: grid.columns },
        inputSize,
        tokenCount: INTERNVL_TOKENS_PER_TILE * rowCount,
      };
    },
  };
}
