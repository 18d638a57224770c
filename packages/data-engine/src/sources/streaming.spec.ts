import fs, { type ReadStream } from 'node:fs';
import { join } from 'node:path';
import type { SourceItem } from '../candidate';
import type { SourceConfig } from '../source-adapter';
import { tinyPng } from '../testing/fixtures/sources';
import { READ_CHUNK_BYTES } from './annotation-file';
import { adapterNamed } from './registry';
import { temporaryFolder } from './spec-helpers';

// Large enough that reading it whole would be plain: 24 read chunks.
const FILE_BYTES = 24 * READ_CHUNK_BYTES;

/** Writes `count` lines made by `line` to `path` (in blocks, to stay quick). */
function writeLines(path: string, header: string | null, line: (k: number) => string, count: number): void {
  const fd = fs.openSync(path, 'w');
  if (header !== null) fs.writeSync(fd, `${header}\n`);
  for (let start = 0; start < count; start += 10_000) {
    const block = Array.from({ length: Math.min(10_000, count - start) }, (_, k) => line(start + k)).join('\n');
    fs.writeSync(fd, `${block}\n`);
  }
  fs.closeSync(fd);
}

describe('the adapters read as a stream', () => {
  const folder = temporaryFolder();
  const png = tinyPng(4, 4, [1, 2, 3]);
  const base64 = Buffer.from(png).toString('base64');
  let streams: ReadStream[] = [];

  beforeAll(() => {
    fs.mkdirSync(join(folder.path, 'images'));
    fs.writeFileSync(join(folder.path, 'images', 'a.png'), png);
  });
  beforeEach(() => {
    streams = [];
    const original = fs.createReadStream;
    jest.spyOn(fs, 'createReadStream').mockImplementation((...args: Parameters<typeof fs.createReadStream>) => {
      const stream = original(...args);
      streams.push(stream);
      return stream;
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(folder.remove);

  /** The first item of the source, and how many bytes of its file had been read when it came. */
  async function firstItem(source: SourceConfig): Promise<{ item: SourceItem; bytesRead: number }> {
    for await (const item of adapterNamed(source.adapter).read(source)) {
      return { item, bytesRead: Math.max(...streams.map((stream) => stream.bytesRead)) };
    }
    throw new Error('no item');
  }

  const padding = 'x'.repeat(100);
  const cases: [string, () => SourceConfig][] = [
    [
      'unified-jsonl',
      () => {
        const path = join(folder.path, 'samples.jsonl');
        const line = (k: number) =>
          JSON.stringify({ id: k, task: 'open_ended', question: `Describe ${k}.`, answer: padding, imagePath: 'images/a.png' });
        writeLines(path, null, line, Math.ceil(FILE_BYTES / line(0).length));
        return { name: 'big', adapter: 'unified-jsonl', path };
      },
    ],
    [
      'llava (one JSON array)',
      () => {
        const path = join(folder.path, 'llava.json');
        const entry = (k: number) =>
          JSON.stringify({
            id: k,
            image: 'images/a.png',
            conversations: [
              { from: 'human', value: '<image>\nIs it blue?' },
              { from: 'gpt', value: `No. ${padding}` },
            ],
          });
        const count = Math.ceil(FILE_BYTES / entry(0).length);
        writeLines(path, '[', (k) => `${entry(k)}${k < count - 1 ? ',' : ''}`, count);
        fs.appendFileSync(path, ']\n');
        return { name: 'big', adapter: 'llava', path };
      },
    ],
    [
      'vlmevalkit-tsv',
      () => {
        const path = join(folder.path, 'bench.tsv');
        const row = (k: number) => [k, base64, `"Is it ""blue""?\t${padding}"`, 'no', 'colour'].join('\t');
        writeLines(path, 'index\timage\tquestion\tanswer\tcategory', row, Math.ceil(FILE_BYTES / row(0).length));
        return { name: 'big', adapter: 'vlmevalkit-tsv', path };
      },
    ],
  ];

  it.each(cases)('%s yields its first sample having read a small part of a large file', async (_, make) => {
    const source = make();
    const size = fs.statSync(source.path).size;
    expect(size).toBeGreaterThan(FILE_BYTES * 0.9);
    const { item, bytesRead } = await firstItem(source);
    expect(item).toMatchObject({ sample: { id: 'big/0' } });
    expect(streams.length).toBeGreaterThan(0);
    expect(bytesRead).toBeGreaterThan(0);
    expect(bytesRead).toBeLessThan(size / 4);
  });
});
