import type { Box } from '@mixed-r1/records';
import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { assertReadableFile } from './annotation-file';
import { annotationRecords } from './annotation-records';
import { jsonElements } from './json-stream';
import { formatBox } from './normalise';
import { choice, readOptions, template, text } from './options';
import {
  besideAnnotations,
  imageInsideRoot,
  imageRootOf,
  isRecord,
  metadataJson,
  rejectionItem,
  sampleId,
  sampleItem,
  textOf,
  withUniqueIds,
} from './source-items';

const ADAPTER = 'refcoco';

const DEFAULT_QUESTION = 'Locate {expression} in the image and give its bounding box [x1, y1, x2, y2].';

interface Options {
  /** COCO `instances.json` of the dataset: when given, the annotation file is a list of REFER refs. */
  readonly instances: string | undefined;
  /** How `bbox` is written in the export form: COCO's `[x, y, w, h]` or `[x1, y1, x2, y2]`. */
  readonly boxFormat: 'xywh' | 'xyxy';
  /** One sample per referring expression (`all`) or only the first expression of each ref. */
  readonly sentences: 'all' | 'first';
  readonly question: string;
  /** Keep only refs of this split (`train`, `val`, `testA`, ...). */
  readonly split: string | undefined;
  /** The field holding the image path in the export form (default: image, file_name, img_path, image_path). */
  readonly imageField: string | undefined;
}

const OPTIONS = {
  instances: text(undefined),
  boxFormat: choice(['xywh', 'xyxy'], 'xywh'),
  sentences: choice(['all', 'first'], 'all'),
  question: template('{expression}', DEFAULT_QUESTION),
  split: text(undefined),
  imageField: text(undefined),
};

/** One referred object, read from either form. */
interface Referent {
  readonly nativeId: string;
  readonly image: string;
  /** COCO's `[x, y, w, h]` (or `[x1, y1, x2, y2]` with boxFormat xyxy). */
  readonly bbox: unknown;
  readonly expressions: readonly string[];
  readonly split: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly extra: Readonly<Record<string, unknown>>;
}

// Removes the float noise of x + w (COCO writes boxes with two decimals).
const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

/** `[x1, y1, x2, y2]` from a COCO box, or why it is not a box with an area. */
export function cornersOf(bbox: unknown, format: 'xywh' | 'xyxy'): Box | { reason: string } {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return { reason: `"bbox" must be 4 finite numbers, found ${JSON.stringify(bbox)}` };
  }
  const [a, b, c, d] = bbox as number[];
  if (format === 'xyxy') {
    if (!(c > a && d > b)) return { reason: `box ${JSON.stringify(bbox)} is empty (x2 <= x1 or y2 <= y1)` };
    return [a, b, c, d];
  }
  // COCO object annotations: "bbox": [x, y, width, height], x and y the top-left corner (cocodataset.org/#format-data).
  if (!(c > 0 && d > 0)) return { reason: `box [x, y, w, h] = ${JSON.stringify(bbox)} has w <= 0 or h <= 0` };
  return [a, b, roundCoordinate(a + c), roundCoordinate(b + d)];
}

/** Expression texts: strings, or REFER sentence objects `{sent, raw, sent_id, tokens}` (`sent` preferred). */
function expressionsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => {
    const expression = isRecord(item) ? (textOf(item.sent) ?? textOf(item.raw)) : textOf(item);
    return expression ? [expression] : [];
  });
}

const positive = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

const IMAGE_FIELDS = ['image', 'file_name', 'img_path', 'image_path'];
const EXPRESSION_FIELDS = ['sentences', 'expressions', 'expression', 'sent'];

/** A referent from the export form, or why the entry is not one. */
function exportedReferent(entry: Record<string, unknown>, index: number, options: Options): Referent | { reason: string } {
  const imageFields = options.imageField ? [options.imageField] : IMAGE_FIELDS;
  const imageField = imageFields.find((field) => textOf(entry[field]));
  if (!imageField) return { reason: `no image path (${imageFields.join(' / ')})` };
  const expressionField = EXPRESSION_FIELDS.find((field) => entry[field] !== undefined);
  const expressions = expressionField ? expressionsOf(entry[expressionField]) : [];
  if (expressions.length === 0) return { reason: `no referring expression (${EXPRESSION_FIELDS.join(' / ')})` };
  return {
    nativeId: textOf(entry.ref_id) ?? textOf(entry.id) ?? textOf(entry.question_id) ?? String(index),
    image: textOf(entry[imageField]) as string,
    bbox: entry.bbox,
    expressions,
    split: textOf(entry.split) ?? undefined,
    width: positive(entry.width),
    height: positive(entry.height),
    extra: { annId: entry.ann_id, category: textOf(entry.category) ?? undefined },
  };
}

interface InstancesIndex {
  readonly images: ReadonlyMap<number, { fileName: string; width?: number; height?: number }>;
  readonly boxes: ReadonlyMap<number, unknown>;
  readonly categories: ReadonlyMap<number, string>;
}

/** The images, boxes and category names of a COCO `instances.json`, keyed by id. */
async function readInstances(path: string): Promise<InstancesIndex> {
  await assertReadableFile(path, 'instances file');
  const images = new Map<number, { fileName: string; width?: number; height?: number }>();
  for await (const element of jsonElements(path, { kind: 'member', key: 'images' })) {
    const image = 'value' in element ? element.value : null;
    if (isRecord(image) && typeof image.id === 'number' && textOf(image.file_name)) {
      const fileName = textOf(image.file_name) as string;
      images.set(image.id, { fileName, width: positive(image.width), height: positive(image.height) });
    }
  }
  const boxes = new Map<number, unknown>();
  for await (const element of jsonElements(path, { kind: 'member', key: 'annotations' })) {
    const annotation = 'value' in element ? element.value : null;
    if (isRecord(annotation) && typeof annotation.id === 'number') boxes.set(annotation.id, annotation.bbox);
  }
  const categories = new Map<number, string>();
  for await (const element of jsonElements(path, { kind: 'member', key: 'categories' })) {
    const category = 'value' in element ? element.value : null;
    if (isRecord(category) && typeof category.id === 'number' && textOf(category.name)) {
      categories.set(category.id, textOf(category.name) as string);
    }
  }
  return { images, boxes, categories };
}

/**
 * A referent from a REFER ref `{ref_id, ann_id, image_id, split, sentences, category_id, file_name}`
 * and the instances: the box is the annotation's, the image the instances' image (the REFER API
 * ignores the ref's `file_name`, which carries an annotation suffix, e.g. `COCO_train2014_..._16.jpg`).
 */
function pairedReferent(entry: Record<string, unknown>, instances: InstancesIndex, path: string): Referent | { reason: string } {
  const refId = textOf(entry.ref_id);
  if (!refId) return { reason: 'no "ref_id"' };
  const annId = entry.ann_id;
  const imageId = entry.image_id;
  if (typeof annId !== 'number' || !instances.boxes.has(annId)) {
    return { reason: `ann_id ${JSON.stringify(annId)} is not an annotation of ${path}` };
  }
  const image = typeof imageId === 'number' ? instances.images.get(imageId) : undefined;
  if (!image) return { reason: `image_id ${JSON.stringify(imageId)} is not an image of ${path}` };
  const expressions = expressionsOf(entry.sentences ?? []);
  if (expressions.length === 0) return { reason: 'no sentences' };
  const categoryId = entry.category_id;
  return {
    nativeId: refId,
    image: image.fileName,
    bbox: instances.boxes.get(annId),
    expressions,
    split: textOf(entry.split) ?? undefined,
    width: image.width,
    height: image.height,
    extra: { annId, category: typeof categoryId === 'number' ? instances.categories.get(categoryId) : undefined },
  };
}

async function* referentItems(source: SourceConfig, options: Options, root: string, ref: string, referent: Referent) {
  const firstId = sampleId(source, referent.nativeId);
  if (options.split !== undefined && referent.split !== options.split) {
    const found = referent.split === undefined ? 'no split' : `split "${referent.split}"`;
    yield rejectionItem(source, ref, firstId, 'normalise', `${found}, not the selected split "${options.split}"`);
    return;
  }
  const box = cornersOf(referent.bbox, options.boxFormat);
  if ('reason' in box) {
    yield rejectionItem(source, ref, firstId, 'normalise', box.reason);
    return;
  }
  const image = await imageInsideRoot(root, referent.image);
  if ('reason' in image) {
    yield rejectionItem(source, ref, firstId, 'read', image.reason);
    return;
  }
  const expressions = options.sentences === 'first' ? referent.expressions.slice(0, 1) : referent.expressions;
  for (let k = 0; k < expressions.length; k++) {
    yield sampleItem(source, ref, k === 0 ? firstId : `${firstId}#${k}`, {
      task: 'grounding',
      question: options.question.replaceAll('{expression}', () => expressions[k]),
      answer: formatBox(box),
      answerBox: box,
      imagePath: image.path,
      imageWidth: referent.width,
      imageHeight: referent.height,
      metadata: metadataJson({
        image: referent.image,
        refId: referent.nativeId,
        expression: expressions[k],
        split: referent.split,
        ...referent.extra,
      }),
    });
  }
}

async function* readRefCoco(source: SourceConfig): AsyncGenerator<SourceItem> {
  const options = readOptions<Options>(source, ADAPTER, OPTIONS);
  const root = imageRootOf(source);
  const instancesPath = options.instances === undefined ? undefined : besideAnnotations(source, options.instances);
  const instances = instancesPath === undefined ? undefined : await readInstances(instancesPath);
  for await (const record of annotationRecords(source.path, 'jsonl')) {
    if ('error' in record) {
      yield rejectionItem(source, record.ref, null, 'read', record.error);
      continue;
    }
    if (!isRecord(record.value)) {
      yield rejectionItem(source, record.ref, null, 'normalise', `entry is not an object: ${JSON.stringify(record.value)}`);
      continue;
    }
    const referent =
      instances && instancesPath
        ? pairedReferent(record.value, instances, instancesPath)
        : exportedReferent(record.value, record.index, options);
    if ('reason' in referent) yield rejectionItem(source, record.ref, null, 'normalise', referent.reason);
    else yield* referentItems(source, options, root, record.ref, referent);
  }
}

/**
 * RefCOCO / RefCOCO+ / RefCOCOg referring expressions (Yu et al. 2016, Mao et al. 2016; the
 * lichengunc/refer data): either the common export form, a JSON array or JSONL of
 * `{image | file_name | img_path, bbox: [x, y, w, h], sentences | expressions | expression | sent}`,
 * or, with option `instances`, REFER's refs (`refs(unc).p` converted to a JSON list) joined with the
 * dataset's COCO `instances.json` by `ann_id` and `image_id`.
 */
export const refCocoAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'RefCOCO/+/g referring boxes: JSON/JSONL export with COCO [x, y, w, h], or REFER refs + instances.json',
  read: (source) => withUniqueIds(source, readRefCoco(source)),
};
