import { column } from '../column';
import { refine } from '../codecs/codec';
import { positiveInt32 } from '../codecs/refined';
import { float32List } from '../codecs/typed-list';
import { utf8 } from '../codecs/utf8';
import { defineSchema, type RowOf } from '../schema';
import { SCHEMA_VERSION } from '../schema-version';

/** The image processors whose output a pixels batch holds (the vision package's processor names). */
export const PIXEL_PROCESSORS = ['qwen2_5_vl', 'internvl'] as const;

export type PixelProcessor = (typeof PIXEL_PROCESSORS)[number];

const pixelProcessor = refine(
  utf8,
  `a processor name (one of ${PIXEL_PROCESSORS.join(', ')})`,
  (value): value is PixelProcessor => (PIXEL_PROCESSORS as readonly string[]).includes(value),
);

/**
 * One preprocessed image: the model's input rows and how they tile the image. Qwen2.5-VL: rows
 * are 14-px patches (1176 values), grid is grid_thw. InternVL: rows are 448-px tiles (3*448*448
 * values, CHW), grid is 1 x tile rows x tile columns (the thumbnail tile, if any, not counted).
 */
export const pixelsSchema = defineSchema({
  name: 'pixels',
  version: SCHEMA_VERSION,
  columns: [
    column({ name: 'sample_id', field: 'sampleId', codec: utf8 }),
    column({ name: 'processor', field: 'processor', codec: pixelProcessor }),
    column({ name: 'grid_t', field: 'gridT', codec: positiveInt32 }),
    column({ name: 'grid_h', field: 'gridH', codec: positiveInt32 }),
    column({ name: 'grid_w', field: 'gridW', codec: positiveInt32 }),
    /** The resized model-input image the rows come from. */
    column({ name: 'input_width', field: 'inputWidth', codec: positiveInt32 }),
    column({ name: 'input_height', field: 'inputHeight', codec: positiveInt32 }),
    column({ name: 'row_length', field: 'rowLength', codec: positiveInt32 }),
    column({ name: 'row_count', field: 'rowCount', codec: positiveInt32 }),
    /** Image tokens the language model sees for this image. */
    column({ name: 'token_count', field: 'tokenCount', codec: positiveInt32 }),
    /** row_count * row_length normalised values, row after row. */
    column({ name: 'rows', field: 'rows', codec: float32List }),
  ],
  rowChecks: [
    {
      column: 'rows',
      fields: ['rows', 'rowCount', 'rowLength'],
      check: ({ rows, rowCount, rowLength }) =>
        rows.length === rowCount * rowLength
          ? undefined
          : {
              expected: `row_count * row_length = ${rowCount} * ${rowLength} = ${rowCount * rowLength} values`,
              found: String(rows.length),
            },
    },
  ],
});

export type PixelsRow = RowOf<typeof pixelsSchema>;
