import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonElementScanner, jsonElements, type JsonElement, type JsonSelection, type RawElement } from './json-stream';
import { temporaryFolder } from './spec-helpers';

/** The raw elements of `text`, fed to the scanner `chunkSize` bytes at a time. */
function scan(text: string | Buffer, selection: JsonSelection, chunkSize: number): RawElement[] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const scanner = new JsonElementScanner('test.json', selection);
  const out: RawElement[] = [];
  for (let start = 0; start < bytes.length && !scanner.done; start += chunkSize) {
    out.push(...scanner.feed(bytes.subarray(start, start + chunkSize)));
  }
  out.push(...scanner.finish());
  return out;
}

const CHUNK_SIZES = [1, 2, 3, 7, 1 << 20];

describe('JsonElementScanner', () => {
  it.each(CHUNK_SIZES)('splits a root array into its elements, whatever the chunk size (%i bytes)', (size) => {
    const text = ' [ {"a": [1, {"b": "]}"}]}, "x\\"]", 12.5e3 , null,true,{"c":"\\\\"} ] ';
    expect(scan(text, { kind: 'array' }, size)).toEqual([
      { index: 0, key: null, text: '{"a": [1, {"b": "]}"}]}' },
      { index: 1, key: null, text: '"x\\"]"' },
      { index: 2, key: null, text: '12.5e3' },
      { index: 3, key: null, text: 'null' },
      { index: 4, key: null, text: 'true' },
      { index: 5, key: null, text: '{"c":"\\\\"}' },
    ]);
  });

  it.each(CHUNK_SIZES)('finds one array member and skips the others unparsed (%i-byte chunks)', (size) => {
    const text = '{"info": {"q": "[not {this}", "n": [1, 2]}, "k\\"ey": 5, "questions": [{"id": 1}, {"id": 2}], "after": "x"}';
    expect(scan(text, { kind: 'member', key: 'questions' }, size)).toEqual([
      { index: 0, key: null, text: '{"id": 1}' },
      { index: 1, key: null, text: '{"id": 2}' },
    ]);
  });

  it.each(CHUNK_SIZES)('gives the members of an object of entries with their keys (%i-byte chunks)', (size) => {
    const text = '{"1": {"q": "a"}, "2\\u00e9": [1], "3": null}';
    expect(scan(text, { kind: 'entries' }, size)).toEqual([
      { index: 0, key: '1', text: '{"q": "a"}' },
      { index: 1, key: '2é', text: '[1]' },
      { index: 2, key: '3', text: 'null' },
    ]);
  });

  it('keeps multi-byte characters whole when a chunk boundary splits them', () => {
    const text = '["ñandú 🐦", "€"]';
    for (const size of [1, 2, 3, 5]) {
      expect(scan(text, { kind: 'array' }, size).map((element) => element.text)).toEqual(['"ñandú 🐦"', '"€"']);
    }
  });

  it('skips a UTF-8 byte-order mark and tolerates an empty array and a trailing comma', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[]')]);
    expect(scan(bom, { kind: 'array' }, 1)).toEqual([]);
    expect(scan('[1, 2,]', { kind: 'array' }, 2).map((element) => element.text)).toEqual(['1', '2']);
  });

  it('stops at the end of the selected array without reading the rest', () => {
    const scanner = new JsonElementScanner('test.json', { kind: 'member', key: 'a' });
    scanner.feed(Buffer.from('{"a": [1]'));
    expect(scanner.done).toBe(true);
  });

  it('passes an element that is not valid JSON through as text (the caller reports it)', () => {
    expect(scan('[{"a": }, 2]', { kind: 'array' }, 3)).toEqual([
      { index: 0, key: null, text: '{"a": }' },
      { index: 1, key: null, text: '2' },
    ]);
  });

  it('throws, naming the file and the byte, when the root is not what the selection needs', () => {
    expect(() => scan('{"a": 1}', { kind: 'array' }, 64)).toThrow(
      'test.json: expected a JSON array of entries at byte 0, found "{" (near "{\\"a\\": 1}")',
    );
    expect(() => scan('[1]', { kind: 'member', key: 'questions' }, 4)).toThrow(
      /^test\.json: expected a JSON object with a "questions" array at byte 0, found "\["/,
    );
  });

  it('throws when the member is missing or is not an array', () => {
    expect(() => scan('{"images": []}', { kind: 'member', key: 'annotations' }, 4)).toThrow(
      'test.json: the JSON object has no "annotations" member; expected object with a "annotations" array',
    );
    expect(() => scan('{"annotations": {}}', { kind: 'member', key: 'annotations' }, 4)).toThrow(
      /expected an array as the value of "annotations" at byte 16, found "\{"/,
    );
  });

  it('throws on a missing comma between entries and on a truncated file', () => {
    expect(() => scan('[{"a": 1} {"b": 2}]', { kind: 'array' }, 4)).toThrow(
      /expected "," or "\]" after entry #0 at byte 10, found "\{"/,
    );
    expect(() => scan('[{"a": 1}, {"b": [2', { kind: 'array' }, 4)).toThrow(
      'test.json: the file ends inside entry #1 (byte 19); it is truncated',
    );
    expect(() => scan('{"questions": [1, 2]', { kind: 'member', key: 'questions' }, 4)).not.toThrow();
    expect(() => scan('{"info": 1', { kind: 'member', key: 'questions' }, 4)).toThrow(
      'test.json: the file ends at byte 10 before its JSON object with a "questions" array closes',
    );
  });
});

describe('jsonElements', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  const elements = async (text: string, selection: JsonSelection) => {
    const path = join(folder.path, 'file.json');
    writeFileSync(path, text);
    const out: JsonElement[] = [];
    for await (const element of jsonElements(path, selection)) out.push(element);
    return out;
  };

  it('parses each element, and reports one that does not parse with its index', async () => {
    expect(await elements('[{"a": 1}, {"b": }, [2]]', { kind: 'array' })).toEqual([
      { index: 0, key: null, value: { a: 1 } },
      { index: 1, key: null, error: expect.stringMatching(/^not valid JSON \(/) },
      { index: 2, key: null, value: [2] },
    ]);
  });

  it('throws an error naming a file that cannot be read', async () => {
    const missing = join(folder.path, 'missing.json');
    await expect(jsonElements(missing, { kind: 'array' }).next()).rejects.toThrow(
      `cannot read annotation file ${missing}: ENOENT`,
    );
  });
});
