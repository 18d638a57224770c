// Stand-ins for the tests of the pipeline: a tiny image format with its decoder, a generator of
// such images and an adapter that yields given items. Not part of the public surface.
import type { SampleRow, TaskType } from '@mixed-r1/records';
import { ImageError, type RgbImage } from '@mixed-r1/vision';
import type { SourceItem } from '../candidate';
import type { ProceduralGenerator } from '../generator';
import type { SourceAdapter } from '../source-adapter';
import type { EngineDeps } from './engine-deps';
import type { ImageDecoder } from './image-bytes';

const MAGIC = 'FAKEIMG1';
const HEADER = MAGIC.length + 8;

/** An image file of the fake format: magic, width and height (u32 LE), then RGB samples. */
export function fakeImageBytes(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number]): Uint8Array {
  const bytes = new Uint8Array(HEADER + width * height * 3);
  bytes.set(Buffer.from(MAGIC, 'latin1'));
  const view = new DataView(bytes.buffer);
  view.setUint32(MAGIC.length, width, true);
  view.setUint32(MAGIC.length + 4, height, true);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) bytes.set(pixel(x, y), HEADER + (y * width + x) * 3);
  return bytes;
}

/** A fake image whose left-right brightness pattern (and so its dHash) follows `key`. */
export function patternedImage(key: number, width = 64, height = 48): Uint8Array {
  return fakeImageBytes(width, height, (x, y) => {
    const cell = Math.floor((x * 9) / width) + 9 * Math.floor((y * 8) / height);
    const level = ((Math.imul(key + 1, 2654435761) >>> (cell % 24)) * 37 + cell * 101) & 255;
    return [level, level, level];
  });
}

/** Decodes the fake format, throwing ImageError as the vision decoder does. */
export const fakeDecoder: ImageDecoder = async (bytes, { sampleId, limitInputPixels }) => {
  if (bytes.length < HEADER || Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1') !== MAGIC) {
    throw new ImageError('undecodable', sampleId, 'not an image file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(MAGIC.length, true);
  const height = view.getUint32(MAGIC.length + 4, true);
  if (width * height > limitInputPixels) throw new ImageError('too-many-pixels', sampleId, `${width}x${height} is over ${limitInputPixels} pixels`);
  if (bytes.length !== HEADER + width * height * 3) throw new ImageError('undecodable', sampleId, 'truncated image data');
  const image: RgbImage = { data: bytes.slice(HEADER), width, height, channels: 3 };
  return image;
};

export interface FakeGeneratorOptions {
  readonly name: string;
  readonly task: TaskType;
  /** The image of sample `index` (default: its own); equal keys give equal images. */
  readonly imageKey?: (index: number) => number;
  /** The question of sample `index` (default: one question for all). */
  readonly question?: (index: number) => string;
}

/** A deterministic generator of valid samples of one task type, with fake-format images. */
export function fakeGenerator(options: FakeGeneratorOptions): ProceduralGenerator {
  const { name, task } = options;
  return {
    name,
    task,
    async generate(seed: number, index: number): Promise<SampleRow> {
      const width = 40 + ((seed + index) % 5) * 8;
      const height = 36 + (index % 3) * 4;
      const key = (options.imageKey ?? ((i) => i))(index) + seed * 100_003 + nameKey(name) * 7919;
      return {
        id: `procedural/${name}/${seed}-${index}`,
        source: `procedural/${name}`,
        task,
        question: options.question?.(index) ?? 'What is shown?',
        ...answerFor(task, width, height),
        imageBytes: patternedImage(key, width, height),
        imagePath: null,
        imageWidth: width,
        imageHeight: height,
        solution: null,
        metadata: JSON.stringify({ seed, index }),
      };
    },
  };
}

function nameKey(name: string): number {
  return [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1_000_003, 0);
}

function answerFor(task: TaskType, width: number, height: number): Pick<SampleRow, 'options' | 'answer' | 'answerBox'> {
  switch (task) {
    case 'yes_no':
      return { options: null, answer: 'yes', answerBox: null };
    case 'multiple_choice':
      return { options: ['red', 'green', 'blue', 'grey'], answer: 'D', answerBox: null };
    case 'chart':
      return { options: null, answer: '42', answerBox: null };
    case 'grounding':
      return { options: null, answer: '', answerBox: [1, 2, width - 1, height - 2] };
    case 'open_ended':
      return { options: null, answer: 'A grey pattern of boxes.', answerBox: null };
  }
}

/** One fake generator per task type, named after it. */
export function fakeGenerators(): ProceduralGenerator[] {
  return (['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended'] as const).map((task) => fakeGenerator({ name: `fake-${task}`, task }));
}

/** An adapter that yields the given items, whatever the source config says. */
export function fakeAdapter(items: readonly SourceItem[]): SourceAdapter {
  return {
    name: 'fake',
    description: 'yields the items it was made with',
    async *read() {
      yield* items;
    },
  };
}

/** Engine deps of fakes: `generators`, an adapter named "fake" yielding `items`, the fake decoder. */
export function fakeDeps(generators: readonly ProceduralGenerator[], items: readonly SourceItem[] = []): EngineDeps {
  const adapter = fakeAdapter(items);
  return {
    adapterNamed: (name) => {
      if (name !== 'fake') throw new Error(`unknown source adapter "${name}"; valid adapters: fake`);
      return adapter;
    },
    generators,
    decode: fakeDecoder,
  };
}
