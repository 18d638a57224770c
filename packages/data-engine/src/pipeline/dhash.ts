/** The image a hash is taken of: 8-bit samples, interleaved, row-major (the vision package's RawImage). */
export interface HashableImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

const COLUMNS = 9;
const ROWS = 8;

/**
 * The 64-bit difference hash (dHash, after Neal Krawetz, "Kind of Like That", 2013) as 16 hex
 * digits: luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B; one channel: that channel), averaged
 * over a 9x8 grid of boxes (pixel x of a row of W lies in box floor(9 x / W); every box gets a
 * pixel when W >= 9), then one bit per pair of horizontal neighbours, set when the left box is brighter.
 * Bits go row by row, the most significant first. Re-encoding, small resizes and mild noise
 * mostly keep the hash; different pictures almost never share it.
 */
export function differenceHash(image: HashableImage): string {
  const { width, height, channels, data } = image;
  if (width < 1 || height < 1 || data.length < width * height * channels) {
    throw new TypeError(`differenceHash: expected ${width}x${height}x${channels} samples, found ${data.length}`);
  }
  const grid = boxAverages(image);
  let hex = '';
  for (let row = 0; row < ROWS; row++) {
    let byte = 0;
    for (let column = 0; column < COLUMNS - 1; column++) {
      byte = (byte << 1) | (grid[row * COLUMNS + column] > grid[row * COLUMNS + column + 1] ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Mean luma (times 1000, summed exactly in integers) of each of the 9x8 boxes. */
function boxAverages({ data, width, height, channels }: HashableImage): Float64Array {
  const columnStarts = boxStarts(width, COLUMNS);
  const rowStarts = boxStarts(height, ROWS);
  const sums = new Float64Array(COLUMNS * ROWS);
  for (let row = 0; row < ROWS; row++) {
    for (let y = rowStarts[row]; y < rowStarts[row + 1]; y++) {
      const rowStart = y * width * channels;
      for (let column = 0; column < COLUMNS; column++) {
        let sum = 0;
        const end = rowStart + columnStarts[column + 1] * channels;
        if (channels >= 3) {
          for (let at = rowStart + columnStarts[column] * channels; at < end; at += channels) sum += 299 * data[at] + 587 * data[at + 1] + 114 * data[at + 2];
        } else {
          for (let at = rowStart + columnStarts[column] * channels; at < end; at += channels) sum += 1000 * data[at];
        }
        sums[row * COLUMNS + column] += sum;
      }
    }
  }
  for (let row = 0; row < ROWS; row++) {
    for (let column = 0; column < COLUMNS; column++) {
      const count = (rowStarts[row + 1] - rowStarts[row]) * (columnStarts[column + 1] - columnStarts[column]);
      sums[row * COLUMNS + column] = count > 0 ? sums[row * COLUMNS + column] / count : 0;
    }
  }
  return sums;
}

/** First pixel of each of `boxes` boxes over `size` pixels (pixel i lies in box floor(boxes i / size)), then `size`. */
function boxStarts(size: number, boxes: number): Int32Array {
  const starts = new Int32Array(boxes + 1);
  for (let box = 0; box <= boxes; box++) starts[box] = box === boxes ? size : Math.ceil((box * size) / boxes);
  return starts;
}
