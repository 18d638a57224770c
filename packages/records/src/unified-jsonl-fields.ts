/**
 * The fields a line of the unified JSONL may have (the data engine's input and the evaluation's
 * benchmark format): the `sample` schema's fields in camelCase, with the image as `imagePath` or
 * as `imageBase64`. Readers may add their own (the evaluation adds `category` and `hint`).
 */
export const UNIFIED_JSONL_SAMPLE_FIELDS = [
  'id',
  'source',
  'task',
  'question',
  'options',
  'answer',
  'answerBox',
  'imagePath',
  'imageBase64',
  'imageWidth',
  'imageHeight',
  'solution',
  'metadata',
] as const;
