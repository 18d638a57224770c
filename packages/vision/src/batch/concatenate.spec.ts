import type { ProcessedImage } from '../processor';
import { concatenatePatchRows } from './concatenate';

function image(sampleId: string, rows: number[], grid: { t: number; h: number; w: number }, rowLength = 2): ProcessedImage {
  return {
    sampleId,
    processor: 'qwen2_5_vl',
    rows: Float32Array.from(rows),
    rowCount: rows.length / rowLength,
    rowLength,
    grid,
    inputSize: [grid.w * 14, grid.h * 14],
    tokenCount: (grid.h * grid.w) / 4,
  };
}

describe('concatenatePatchRows', () => {
  it('concatenates the rows image after image, with one grid per image', () => {
    const { rows, grids } = concatenatePatchRows([
      image('a', [1, 2, 3, 4], { t: 1, h: 2, w: 4 }),
      image('b', [5, 6], { t: 1, h: 4, w: 2 }),
      image('c', [7, 8, 9, 10, 11, 12], { t: 1, h: 2, w: 2 }),
    ]);
    expect(rows).toEqual(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(grids).toEqual([
      { t: 1, h: 2, w: 4 },
      { t: 1, h: 4, w: 2 },
      { t: 1, h: 2, w: 2 },
    ]);
  });

  it('gives nothing for no images', () => {
    expect(concatenatePatchRows([])).toEqual({ rows: new Float32Array(0), grids: [] });
  });

  it('rejects rows of different lengths, naming both images', () => {
    expect(() => concatenatePatchRows([image('a', [1, 2], { t: 1, h: 2, w: 2 }), image('b', [1, 2, 3], { t: 1, h: 2, w: 2 }, 3)])).toThrow(
      'concatenatePatchRows: image "b" has qwen2_5_vl rows of 3 values, image "a" qwen2_5_vl rows of 2; concatenate one processor\'s images at a time',
    );
  });
});
