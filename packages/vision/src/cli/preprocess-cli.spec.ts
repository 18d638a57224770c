import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pixelsSchema, readTable, rowsFromBatch } from '@mixed-r1/records';
import { encodePng } from '../encode/encode-png';
import type { RgbImage } from '../image';
import { listImageFiles } from './image-files';
import { main } from './preprocess-cli';

function gradient(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 13) & 255;
  return { data, width, height, channels: 3 };
}

/** Runs the command and collects what it printed. */
async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (line) => out.push(line), (line) => err.push(line));
  return { code, out, err };
}

const readJsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));

describe('vision:preprocess', () => {
  let folder: string;
  let images: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'preprocess-cli-'));
    images = join(folder, 'images');
    mkdirSync(join(images, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(images, 'b.png'), await encodePng(gradient(100, 60)));
    writeFileSync(join(images, 'sub', 'a.PNG'), await encodePng(gradient(56, 56)));
    writeFileSync(join(images, 'sub', 'deeper', 'wide.png'), await encodePng(gradient(200, 40)));
    writeFileSync(join(images, 'corrupt.jpg'), Buffer.from('this is not a JPEG file'));
    writeFileSync(join(images, 'tiny.png'), await encodePng(gradient(20, 20)));
    writeFileSync(join(images, 'notes.txt'), 'not an image');
    symlinkSync(join(images, 'b.png'), join(images, 'link-to-b.png'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('preprocesses a folder recursively, and lists the rejected images with their reasons', async () => {
    const outPath = join(folder, 'out', 'pixels.arrow');
    const { code, out, err } = await run(['--in', images, '--out', outPath, '--max-pixels', '20000', '--no-progress']);
    expect(code).toBe(0);
    const rows = rowsFromBatch(pixelsSchema, readTable(outPath, pixelsSchema));
    // 100x60 -> 112x56 (4x8 patches, 8 tokens); 56x56 -> 2 tokens... each by smart_resize (factor 28).
    expect(rows.map((row) => [row.sampleId, row.processor, row.inputWidth, row.inputHeight, row.gridH, row.gridW, row.rowCount, row.tokenCount])).toEqual([
      ['b.png', 'qwen2_5_vl', 112, 56, 4, 8, 32, 8],
      ['link-to-b.png', 'qwen2_5_vl', 112, 56, 4, 8, 32, 8],
      ['sub/a.PNG', 'qwen2_5_vl', 56, 56, 4, 4, 16, 4],
      ['sub/deeper/wide.png', 'qwen2_5_vl', 196, 28, 2, 14, 28, 7],
    ]);
    expect(rows.every((row) => row.rowLength === 1176 && row.rows.length === row.rowCount * 1176)).toBe(true);
    const rejected = readJsonLines(`${outPath}.rejected.jsonl`);
    expect(rejected.map((line) => [line.sample_id, line.kind])).toEqual([
      ['corrupt.jpg', 'undecodable'],
      ['tiny.png', 'too-small'],
    ]);
    expect(rejected[1].message).toMatch(/"tiny\.png".*at least 28 px/);
    expect(err).toEqual([
      `rejected corrupt.jpg (undecodable): ${rejected[0].message}`,
      `rejected tiny.png (too-small): ${rejected[1].message}`,
    ]);
    expect(out[0]).toBe(`skipped 1 entries of ${images} without an image extension`);
    expect(out[1]).toMatch(
      new RegExp(`^preprocessed 4 of 6 images with qwen2_5_vl into ${outPath}: 2 rejected \\(listed in ${outPath}\\.rejected\\.jsonl\\), 27 image tokens, [0-9.]+ images/s$`),
    );
  });

  it('writes the same pixels and rejections with --workers', async () => {
    const inProcess = join(folder, 'in-process.arrow');
    const inWorkers = join(folder, 'in-workers.arrow');
    expect((await run(['--in', images, '--out', inProcess, '--max-pixels', '20000', '--no-progress'])).code).toBe(0);
    expect((await run(['--in', images, '--out', inWorkers, '--max-pixels', '20000', '--no-progress', '--workers', '2'])).code).toBe(0);
    expect(readFileSync(inWorkers)).toEqual(readFileSync(inProcess));
    expect(readFileSync(`${inWorkers}.rejected.jsonl`, 'utf8')).toBe(readFileSync(`${inProcess}.rejected.jsonl`, 'utf8'));
  }, 60_000);

  it('preprocesses one file with InternVL and its settings, and writes an empty rejected list', async () => {
    const outPath = join(folder, 'one.arrows');
    const { code, out } = await run(['--in', join(images, 'b.png'), '--out', outPath, '--processor', 'internvl', '--max-tiles', '2', '--resample', 'sharp']);
    expect(code).toBe(0);
    const rows = rowsFromBatch(pixelsSchema, readTable(outPath, pixelsSchema));
    // 100x60 (1.67) with at most 2 tiles: 2x1 (aspect 2) is closer than 1x1; plus the thumbnail.
    expect(rows.map((row) => [row.sampleId, row.processor, row.inputWidth, row.inputHeight, row.gridH, row.gridW, row.rowCount, row.tokenCount])).toEqual([
      ['b.png', 'internvl', 896, 448, 1, 2, 3, 768],
    ]);
    expect(readFileSync(`${outPath}.rejected.jsonl`, 'utf8')).toBe('');
    expect(out[0]).toMatch(/^preprocessed 1 of 1 images with internvl into .*one\.arrows: 0 rejected, 768 image tokens/);
  });

  it.each([
    [['--processor', 'llava'], /Invalid values:[\s\S]*processor/],
    [['--max-tiles', '4'], /image processor "qwen2_5_vl": unknown setting --max-tiles; valid settings: --min-pixels, --max-pixels, --resample/],
    [['--min-pixels', '5000', '--max-pixels', '4000'], /setting --min-pixels \(5000\) is over --max-pixels \(4000\); lower --min-pixels or raise --max-pixels/],
    [['--max-pixels', '-1'], /setting --max-pixels: expected a whole number >= 1, found -1/],
    [['--resample', 'nearest'], /setting --resample: expected a resampler name \(one of pil, sharp\), found "nearest"/],
    [['--concurrency', '0'], /--concurrency: expected a whole number >= 1, found 0/],
    [['--workers', '-1'], /--workers: expected a whole number >= 0, found -1/],
    [['--bogus', '1'], /Unknown argument: bogus/],
  ])('exits 1 on %j, saying what is wrong', async (extra, message) => {
    const outPath = join(folder, 'never.arrow');
    const { code, err } = await run(['--in', images, '--out', outPath, ...extra]);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(message);
    expect(existsSync(outPath)).toBe(false);
  });

  it('prints its usage for --help and exits 0', async () => {
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect((await run(['--help'])).code).toBe(0);
      expect(printed.mock.calls.join('\n')).toMatch(/--in: an image file, or a folder scanned recursively/);
    } finally {
      printed.mockRestore();
    }
  });

  it('exits 1 on a missing input, a bad output extension, or no --in', async () => {
    const missing = await run(['--in', join(folder, 'absent'), '--out', join(folder, 'x.arrow')]);
    expect([missing.code, missing.err]).toEqual([1, [`vision:preprocess: --in ${join(folder, 'absent')}: no such file or folder`]]);
    const badOut = await run(['--in', images, '--out', join(folder, 'x.csv')]);
    expect(badOut.code).toBe(1);
    expect(badOut.err[0]).toMatch(/--out .*x\.csv: unknown table file extension "\.csv"; use one of \.arrow/);
    const noIn = await run(['--out', join(folder, 'x.arrow')]);
    expect(noIn.code).toBe(1);
    expect(noIn.err[0]).toMatch(/Missing required argument: in/);
  });
});

describe('listImageFiles', () => {
  it('takes image extensions in any case, sorted by path, and counts what it skips', () => {
    const folder = mkdtempSync(join(tmpdir(), 'image-files-'));
    try {
      mkdirSync(join(folder, 'z'));
      for (const name of ['b.JPEG', 'a.webp', 'z/c.tif', 'd.gif', 'e.bmp', 'f.tiff', 'g.jpg', 'readme.md', 'noextension']) writeFileSync(join(folder, name), '');
      const list = listImageFiles(folder);
      expect(list.files.map((file) => file.sampleId)).toEqual(['a.webp', 'b.JPEG', 'd.gif', 'e.bmp', 'f.tiff', 'g.jpg', 'z/c.tif']);
      expect(list.files[6].path).toBe(join(folder, 'z', 'c.tif'));
      expect([list.folder, list.skipped]).toEqual([true, 2]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
