import type { SourceItem } from '../candidate';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { jsonElements } from './json-stream';
import { choice, readOptions, text } from './options';
import {
  entryRef,
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

const ADAPTER = 'coco-captions';

type CaptionChoice = 'first' | 'longest' | 'joined';

interface Options {
  readonly question: string;
  /** Which caption is the reference: the first in the file, the longest, or all of them, one per line. */
  readonly captions: CaptionChoice;
}

const OPTIONS = { question: text('Describe this image in detail.'), captions: choice(['first', 'longest', 'joined'], 'first') };

interface CocoImage {
  readonly ref: string;
  readonly id: number;
  readonly fileName: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

const positive = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

/** Keeps, per image, only what the caption choice needs: the first, the longest, or all captions. */
function keepCaption(kept: string[] | undefined, caption: string, mode: CaptionChoice): string[] {
  if (!kept) return [caption];
  if (mode === 'joined') kept.push(caption);
  else if (mode === 'longest' && caption.length > kept[0].length) kept[0] = caption;
  return kept;
}

async function* readCocoCaptions(source: SourceConfig): AsyncGenerator<SourceItem> {
  const options = readOptions<Options>(source, ADAPTER, OPTIONS);
  const root = imageRootOf(source);
  const images: CocoImage[] = [];
  const imageIds = new Set<number>();
  for await (const element of jsonElements(source.path, { kind: 'member', key: 'images' })) {
    const ref = entryRef(source.path, `images/${element.index}`);
    const image = 'value' in element ? element.value : undefined;
    if ('error' in element) yield rejectionItem(source, ref, null, 'read', element.error);
    else if (!isRecord(image) || typeof image.id !== 'number' || !textOf(image.file_name)) {
      yield rejectionItem(source, ref, null, 'normalise', `not an image {id, file_name}: ${JSON.stringify(image)}`);
    } else {
      const fileName = textOf(image.file_name) as string;
      images.push({ ref, id: image.id, fileName, width: positive(image.width), height: positive(image.height) });
      imageIds.add(image.id);
    }
  }
  const captions = new Map<number, string[]>();
  for await (const element of jsonElements(source.path, { kind: 'member', key: 'annotations' })) {
    const ref = entryRef(source.path, `annotations/${element.index}`);
    const annotation = 'value' in element ? element.value : undefined;
    const caption = isRecord(annotation) ? textOf(annotation.caption) : null;
    if ('error' in element) yield rejectionItem(source, ref, null, 'read', element.error);
    else if (!isRecord(annotation) || typeof annotation.image_id !== 'number' || !caption) {
      yield rejectionItem(source, ref, null, 'normalise', `not a caption {image_id, caption}: ${JSON.stringify(annotation)}`);
    } else if (!imageIds.has(annotation.image_id)) {
      yield rejectionItem(source, ref, null, 'normalise', `caption of image_id ${annotation.image_id}, which is not in "images"`);
    } else {
      captions.set(annotation.image_id, keepCaption(captions.get(annotation.image_id), caption, options.captions));
    }
  }
  for (const image of images) {
    const id = sampleId(source, image.id);
    const kept = captions.get(image.id);
    if (!kept) {
      yield rejectionItem(source, image.ref, id, 'normalise', `no caption of image_id ${image.id}`);
      continue;
    }
    const resolved = await imageInsideRoot(root, image.fileName);
    if ('reason' in resolved) {
      yield rejectionItem(source, image.ref, id, 'read', resolved.reason);
      continue;
    }
    yield sampleItem(source, image.ref, id, {
      task: 'open_ended',
      question: options.question,
      answer: kept.join('\n'),
      imagePath: resolved.path,
      imageWidth: image.width,
      imageHeight: image.height,
      metadata: metadataJson({ image: image.fileName, imageId: image.id }),
    });
  }
}

/**
 * COCO Captions (Chen et al. 2015; `annotations/captions_<split>2014.json` / `2017.json`,
 * cocodataset.org/#format-data): `{images: [{id, file_name, width, height}], annotations:
 * [{id, image_id, caption}]}`, about five captions per image. One open-ended sample per image, its
 * caption(s) the reference answer.
 */
export const cocoCaptionsAdapter: SourceAdapter = {
  name: ADAPTER,
  description: 'COCO captions JSON: {images, annotations: [{image_id, caption}]}, one sample per image',
  read: (source) => withUniqueIds(source, readCocoCaptions(source)),
};
