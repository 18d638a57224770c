import { isAbsolute } from 'node:path';
import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { annotationRecords } from './annotation-records';
import { readOptions, text } from './options';
import {
  imageInsideRoot,
  imageRootOf,
  isRecord,
  metadataJson,
  rejectionItem,
  sampleId,
  sampleItem,
  textOf,
} from './source-items';

const ADAPTER = 'chartqa';

interface Options {
  /** The folder of the chart images, relative to the image root. */
  readonly imageDir: string;
}

const OPTIONS = { imageDir: text('png') };

async function* readChartQa(source: SourceConfig): AsyncGenerator<SourceItem> {
  const options = readOptions<Options>(source, ADAPTER, OPTIONS);
  if (isAbsolute(options.imageDir)) {
    throw new Error(`source "${source.name}" (adapter ${ADAPTER}): option "imageDir" must be relative to the image root`);
  }
  const root = imageRootOf(source);
  for await (const record of annotationRecords(source.path, 'jsonl')) {
    if ('error' in record) {
      yield rejectionItem(source, record.ref, null, 'read', record.error);
      continue;
    }
    const entry = record.value;
    const id = sampleId(source, record.index);
    if (!isRecord(entry)) {
      yield rejectionItem(source, record.ref, id, 'normalise', `entry is not an object: ${JSON.stringify(entry)}`);
      continue;
    }
    const imgname = textOf(entry.imgname);
    const query = textOf(entry.query);
    const label = textOf(entry.label);
    const missing = [!imgname && 'imgname', !query && 'query', !label && 'label'].filter(Boolean);
    if (!imgname || !query || !label) {
      yield rejectionItem(source, record.ref, id, 'normalise', `missing or empty ${missing.join(', ')}`);
      continue;
    }
    const image = await imageInsideRoot(root, `${options.imageDir.replace(/\/+$/, '')}/${imgname}`);
    if ('reason' in image) {
      yield rejectionItem(source, record.ref, id, 'read', image.reason);
      continue;
    }
    yield sampleItem(source, record.ref, id, {
      task: 'chart',
      question: query,
      answer: label,
      imagePath: image.path,
      metadata: metadataJson({ imgname }),
    });
  }
}

/**
 * ChartQA (Masry et al. 2022; the `ChartQA Dataset/{train,val,test}/{split}_human.json` and
 * `{split}_augmented.json` files): a JSON array of `{imgname, query, label}`, the chart image
 * `png/<imgname>` in the split's folder. Samples are numbered by their place in the file (ChartQA
 * entries have no id).
 */
export const chartQaAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'ChartQA JSON: [{imgname, query, label}], images under png/ next to the file',
  read: readChartQa,
};
