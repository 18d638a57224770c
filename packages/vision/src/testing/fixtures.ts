/**
 * Loaders for the reference fixtures written by tools/vision-reference/make_fixtures.py (Pillow 9.4
 * + NumPy, the Hugging Face Qwen2VLImageProcessor algorithm): see fixtures/manifest.json. Raw
 * images are gzip-compressed interleaved uint8 RGB; patch rows are gzip-compressed little-endian
 * float32, `rowCount` rows of 1176 values.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ImageErrorKind } from '../errors';
import type { RgbImage } from '../image';

export const VISION_FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** A gzip-compressed raw file and the sha256 of its uncompressed bytes. */
export interface RawReference {
  readonly file: string;
  readonly sha256: string;
}

/** The reference preprocessing of one image (smart_resize, BICUBIC resize, patch rows). */
export interface QwenReference {
  readonly minPixels: number;
  readonly maxPixels: number;
  /** Which case of smart_resize applied: rounding only, the max_pixels shrink, the min_pixels growth. */
  readonly branch: 'round' | 'max' | 'min';
  readonly resizedWidth: number;
  readonly resizedHeight: number;
  readonly resized: RawReference;
  /** grid_thw: (1, resizedHeight / 14, resizedWidth / 14). */
  readonly grid: readonly [number, number, number];
  readonly tokens: number;
  readonly rowCount: number;
  /** sha256 of the float32 little-endian patch rows. */
  readonly rowsSha256: string;
  /** The patch rows, for a few images only. */
  readonly rowsFile?: string;
}

export interface ImageFixture {
  readonly name: string;
  /** The input file, relative to VISION_FIXTURES_DIR. */
  readonly file: string;
  readonly description: string;
  /** `Image.open(file).mode` in Pillow 9.4. */
  readonly pilMode: string;
  readonly width: number;
  readonly height: number;
  /** qwen-vl-utils `to_rgb(Image.open(file))`. */
  readonly decoded: RawReference;
  /** For PIL mode RGBA: sha256 of `Image.open(file).convert("RGB")` (alpha dropped). */
  readonly decodedAlphaDroppedSha256?: string;
  /** Absent for images only used to test decoding. */
  readonly qwen?: QwenReference;
}

/** An input that must be refused, with what Pillow raises on it. */
export interface ErrorFixture {
  readonly name: string;
  readonly file: string;
  readonly kind: ImageErrorKind;
  readonly pilError: string;
}

/** A random RGB array resized by Pillow's `Image.resize((width, height), Image.BICUBIC)`. */
export interface ResizeFixture {
  readonly input: string;
  readonly inputWidth: number;
  readonly inputHeight: number;
  readonly width: number;
  readonly height: number;
  readonly output: string;
  readonly sha256: string;
}

/** `syntheticRgb(inputWidth, inputHeight, seed)` resized by Pillow's BICUBIC, checked by hash. */
export interface SyntheticResizeFixture {
  readonly inputWidth: number;
  readonly inputHeight: number;
  readonly seed: number;
  readonly inputSha256: string;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
}

/** smart_resize(height, width, 28, minPixels, maxPixels) in the Python reference: a size or an error. */
export interface SmartResizeFixture {
  readonly height: number;
  readonly width: number;
  readonly minPixels: number;
  readonly maxPixels: number;
  readonly resizedHeight?: number;
  readonly resizedWidth?: number;
  readonly branch?: 'round' | 'max' | 'min';
  readonly error?: 'too-small' | 'aspect-ratio';
}

export interface VisionFixtureManifest {
  readonly generator: string;
  readonly pillow: string;
  readonly numpy: string;
  readonly images: readonly ImageFixture[];
  readonly errors: readonly ErrorFixture[];
  readonly resize: readonly ResizeFixture[];
  readonly syntheticResize: readonly SyntheticResizeFixture[];
  readonly smartResize: readonly SmartResizeFixture[];
}

let manifest: VisionFixtureManifest | undefined;

/** fixtures/manifest.json, parsed once. */
export function visionFixtures(): VisionFixtureManifest {
  manifest ??= JSON.parse(fs.readFileSync(path.join(VISION_FIXTURES_DIR, 'manifest.json'), 'utf8')) as VisionFixtureManifest;
  return manifest;
}

/** The absolute path of a fixture file named in the manifest. */
export function fixturePath(relative: string): string {
  return path.join(VISION_FIXTURES_DIR, relative);
}

/** The bytes of a fixture file named in the manifest. */
export function readFixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(fixturePath(relative)));
}

/** The image fixture called `name`; throws listing the names. */
export function imageFixture(name: string): ImageFixture {
  const found = visionFixtures().images.find((image) => image.name === name);
  if (!found) throw new Error(`no image fixture "${name}": expected one of ${visionFixtures().images.map((i) => i.name).join(', ')}`);
  return found;
}

function gunzipFixture(relative: string): Uint8Array {
  return new Uint8Array(gunzipSync(fs.readFileSync(fixturePath(relative))));
}

function rgb(data: Uint8Array, width: number, height: number, what: string): RgbImage {
  if (data.length !== width * height * 3) throw new Error(`${what}: expected ${width}x${height}x3 bytes, found ${data.length}`);
  return { data, width, height, channels: 3 };
}

/** The reference RGB of an image fixture (qwen-vl-utils `to_rgb(Image.open(file))`). */
export function loadDecodedReference(image: ImageFixture): RgbImage {
  return rgb(gunzipFixture(image.decoded.file), image.width, image.height, image.decoded.file);
}

/** The reference resized uint8 RGB of an image fixture; throws for decode-only fixtures. */
export function loadResizedReference(image: ImageFixture): RgbImage {
  if (!image.qwen) throw new Error(`image fixture "${image.name}" has no preprocessing reference`);
  const { resized, resizedWidth, resizedHeight } = image.qwen;
  return rgb(gunzipFixture(resized.file), resizedWidth, resizedHeight, resized.file);
}

/** The reference float32 patch rows (rowCount x 1176), where the fixture has them, else undefined. */
export function loadPatchRowsReference(image: ImageFixture): Float32Array | undefined {
  if (!image.qwen?.rowsFile) return undefined;
  const bytes = gunzipFixture(image.qwen.rowsFile); // a fresh buffer at offset 0, so aligned
  const rows = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (rows.length !== image.qwen.rowCount * 1176) throw new Error(`${image.qwen.rowsFile}: expected ${image.qwen.rowCount} rows of 1176 values`);
  return rows;
}

/** The input and Pillow's output of a resize fixture. */
export function loadResizeCase(fixture: ResizeFixture): { input: RgbImage; expected: RgbImage } {
  return {
    input: rgb(gunzipFixture(fixture.input), fixture.inputWidth, fixture.inputHeight, fixture.input),
    expected: rgb(gunzipFixture(fixture.output), fixture.width, fixture.height, fixture.output),
  };
}

/** Hex sha256 of bytes (as the manifest's hashes). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
