import { batchFromColumns, pixelsSchema, rowsFromBatch } from '@mixed-r1/records';
import { Table } from 'apache-arrow';
import type { ProcessedImage } from './processor';

/** Arrow list offsets are Int32: one record batch holds at most this many values in its rows column. */
export const MAX_VALUES_PER_RECORD_BATCH = 2 ** 31 - 1;

/**
 * The records package's pixels batch of preprocessed images, one row each, in order. Images whose
 * rows together exceed `maxValuesPerBatch` go to several record batches of one table.
 */
export function pixelBatchOf(processed: readonly ProcessedImage[], maxValuesPerBatch = MAX_VALUES_PER_RECORD_BATCH): Table {
  const chunks = chunkByValues(processed, maxValuesPerBatch);
  const tables = chunks.map(recordBatchOf);
  return tables.length === 1 ? tables[0] : new Table(tables.flatMap((table) => table.batches));
}

function chunkByValues(processed: readonly ProcessedImage[], maxValues: number): ProcessedImage[][] {
  const chunks: ProcessedImage[][] = [[]];
  let values = 0;
  for (const image of processed) {
    if (image.rows.length > maxValues) {
      throw new RangeError(
        `pixel batch: image "${image.sampleId}" has ${image.rows.length} values, over the ${maxValues} an Arrow list can hold; preprocess it with fewer pixels`,
      );
    }
    if (values + image.rows.length > maxValues) {
      chunks.push([]);
      values = 0;
    }
    chunks[chunks.length - 1].push(image);
    values += image.rows.length;
  }
  return chunks;
}

function recordBatchOf(processed: readonly ProcessedImage[]): Table {
  const column = <V>(value: (image: ProcessedImage) => V) => processed.map(value);
  return batchFromColumns(pixelsSchema, {
    sampleId: column((image) => image.sampleId),
    processor: column((image) => image.processor),
    gridT: column((image) => image.grid.t),
    gridH: column((image) => image.grid.h),
    gridW: column((image) => image.grid.w),
    inputWidth: column((image) => image.inputSize[0]),
    inputHeight: column((image) => image.inputSize[1]),
    rowLength: column((image) => image.rowLength),
    rowCount: column((image) => image.rowCount),
    tokenCount: column((image) => image.tokenCount),
    rows: column((image) => image.rows),
  });
}

/** The preprocessed images of a pixels batch, validated first; rows share no memory with the table. */
export function processedFromPixelBatch(table: Table): ProcessedImage[] {
  return rowsFromBatch(pixelsSchema, table).map((row) => ({
    sampleId: row.sampleId,
    processor: row.processor,
    rows: row.rows,
    rowCount: row.rowCount,
    rowLength: row.rowLength,
    grid: { t: row.gridT, h: row.gridH, w: row.gridW },
    inputSize: [row.inputWidth, row.inputHeight],
    tokenCount: row.tokenCount,
  }));
}
