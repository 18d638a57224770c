import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pixelsSchema, readTable, rowsFromBatch, writeTable } from '@mixed-r1/records';
import { pixelBatchOf, processedFromPixelBatch } from './pixel-batch';
import type { ProcessedImage } from './processor';

/** Small stand-ins for processed images: the batch code does not look inside the rows. */
function examples(): ProcessedImage[] {
  const values = (length: number, start: number) => Float32Array.from({ length }, (_, i) => (start + i) / 8);
  return [
    { sampleId: 'a.png', processor: 'qwen2_5_vl', rows: values(4 * 6, 0), rowCount: 4, rowLength: 6, grid: { t: 1, h: 2, w: 2 }, inputSize: [28, 28], tokenCount: 1 },
    { sampleId: 'dir/b.jpg', processor: 'internvl', rows: values(3 * 5, -7), rowCount: 3, rowLength: 5, grid: { t: 1, h: 1, w: 2 }, inputSize: [896, 448], tokenCount: 768 },
    { sampleId: 'c.webp', processor: 'qwen2_5_vl', rows: values(8 * 6, 3), rowCount: 8, rowLength: 6, grid: { t: 1, h: 2, w: 4 }, inputSize: [56, 28], tokenCount: 2 },
  ];
}

describe('pixelBatchOf', () => {
  it('writes one pixels row per image, in order', () => {
    const table = pixelBatchOf(examples());
    const rows = rowsFromBatch(pixelsSchema, table);
    expect(rows.map((row) => [row.sampleId, row.processor, row.gridT, row.gridH, row.gridW, row.inputWidth, row.inputHeight, row.rowLength, row.rowCount, row.tokenCount])).toEqual([
      ['a.png', 'qwen2_5_vl', 1, 2, 2, 28, 28, 6, 4, 1],
      ['dir/b.jpg', 'internvl', 1, 1, 2, 896, 448, 5, 3, 768],
      ['c.webp', 'qwen2_5_vl', 1, 2, 4, 56, 28, 6, 8, 2],
    ]);
    expect(rows[1].rows).toEqual(examples()[1].rows);
  });

  it('round-trips through processedFromPixelBatch and an Arrow file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pixel-batch-'));
    try {
      const path = join(folder, 'pixels.arrow');
      writeTable(path, pixelBatchOf(examples()));
      expect(processedFromPixelBatch(readTable(path, pixelsSchema))).toEqual(examples());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes an empty batch for no images', () => {
    const table = pixelBatchOf([]);
    expect(table.numRows).toBe(0);
    expect(processedFromPixelBatch(table)).toEqual([]);
  });

  it('splits into record batches that each stay within the list offset limit', () => {
    // 24, 15 and 48 values, at most 50 per record batch: [24, 15] and [48].
    const table = pixelBatchOf(examples(), 50);
    expect(table.batches.map((batch) => batch.numRows)).toEqual([2, 1]);
    expect(processedFromPixelBatch(table)).toEqual(examples());
  });

  it('rejects an image with more values than one record batch holds', () => {
    expect(() => pixelBatchOf(examples(), 40)).toThrow(
      'pixel batch: image "c.webp" has 48 values, over the 40 an Arrow list can hold; preprocess it with fewer pixels',
    );
  });

  it('rejects an image whose rows do not match its row count, naming the column', () => {
    const [first] = examples();
    expect(() => pixelBatchOf([{ ...first, rowCount: 5 }])).toThrow(/column "rows" row 0: expected row_count \* row_length = 5 \* 6 = 30 values, found 24/);
  });
});
