import { column } from '../column';
import { binary } from '../codecs/binary';
import { box } from '../codecs/box';
import { jsonText, positiveInt32, taskType } from '../codecs/refined';
import { utf8 } from '../codecs/utf8';
import { utf8List } from '../codecs/utf8-list';
import { defineSchema, type RowOf } from '../schema';
import { SCHEMA_VERSION } from '../schema-version';

/** One training or evaluation sample: a question about an image, its task type and ground truth. */
export const sampleSchema = defineSchema({
  name: 'sample',
  version: SCHEMA_VERSION,
  columns: [
    column({ name: 'id', field: 'id', codec: utf8 }),
    column({ name: 'source', field: 'source', codec: utf8 }),
    column({ name: 'task', field: 'task', codec: taskType }),
    column({ name: 'question', field: 'question', codec: utf8 }),
    /** Option texts of a multiple-choice question, in letter order (A, B, ...). */
    column({ name: 'options', field: 'options', codec: utf8List, nullable: true }),
    column({ name: 'answer', field: 'answer', codec: utf8 }),
    /** Ground-truth box of a grounding sample, in original-image pixels. */
    column({ name: 'answer_box', field: 'answerBox', codec: box, nullable: true }),
    /** The encoded image file (PNG, JPEG, ...); null when the image is referenced by path. */
    column({ name: 'image_bytes', field: 'imageBytes', codec: binary, nullable: true }),
    column({ name: 'image_path', field: 'imagePath', codec: utf8, nullable: true }),
    column({ name: 'image_width', field: 'imageWidth', codec: positiveInt32 }),
    column({ name: 'image_height', field: 'imageHeight', codec: positiveInt32 }),
    /** A worked `<think>...</think><answer>...</answer>` solution for supervised warm-up. */
    column({ name: 'solution', field: 'solution', codec: utf8, nullable: true }),
    /** Free-form JSON text (provenance, category, ...). */
    column({ name: 'metadata', field: 'metadata', codec: jsonText, nullable: true }),
  ],
});

export type SampleRow = RowOf<typeof sampleSchema>;
