import { createReadStream, readFileSync } from 'node:fs';
import { TsvParser, tsvRecordsOf, tsvRecordsOfText } from '@mixed-r1/records';
import { fixturePath } from '../testing';

// The records package's TSV parser, as this package's benchmark loader uses it, against what
// pandas read from the same files.

/** The rows pandas read from a fixture (make_tsv_fixtures.py), as objects keyed by column. */
function pandasRows(name: string): Record<string, string>[] {
  return JSON.parse(readFileSync(fixturePath(`${name}.pandas.json`), 'utf8'));
}

function asObjects(records: { fields: readonly string[] }[]): Record<string, string>[] {
  const [header, ...body] = records;
  return body.map((record) => Object.fromEntries(header.fields.map((name, i) => [name, record.fields[i]])));
}

const FIXTURES = ['MMStar_MINI', 'HallusionBench_MINI', 'ChartQA_MINI', 'mixed-bench-mini', 'ImagePath_MINI'];

describe('TSV records as pandas reads them', () => {
  it.each(FIXTURES)('%s: every row pandas read, field for field (QUOTE_ALL and QUOTE_MINIMAL files)', async (name) => {
    const records = [];
    for await (const record of tsvRecordsOf(createReadStream(fixturePath(`${name}.tsv`)))) records.push(record);
    const expected = pandasRows(name);
    expect(asObjects(records).slice(0, expected.length)).toEqual(expected);
    expect(records.every((record) => record.error === undefined)).toBe(true);
  });

  it('gives the same records whatever the chunk boundaries (one byte at a time)', () => {
    const bytes = readFileSync(fixturePath('MMStar_MINI.tsv'));
    const parser = new TsvParser();
    const pieces = [...bytes].flatMap((byte) => parser.feed(Uint8Array.of(byte)));
    expect([...pieces, ...parser.finish()]).toEqual(tsvRecordsOfText(bytes.toString('utf8')));
  });

  it('reads quoted tabs, line breaks and doubled quotes as data, and counts the lines a record starts on', () => {
    const records = tsvRecordsOfText('a\tb\n"x\ty"\t"say ""hi"""\n"two\nlines"\tz\nlast\trow\n');
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['x\ty', 'say "hi"'],
      ['two\nlines', 'z'],
      ['last', 'row'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 5]);
  });

  it('keeps a quote inside an unquoted field, and appends text after a closing quote (pandas C parser)', () => {
    expect(tsvRecordsOfText('5" screen\t"ab"cd\n')[0].fields).toEqual(['5" screen', 'abcd']);
  });

  it('ends records at \\n, \\r\\n and \\r; skips blank and space-only lines; keeps a trailing empty field', () => {
    const records = tsvRecordsOfText('a\tb\r\n\r\nc\t\r   \nd\te');
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['c', ''],
      ['d', 'e'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 3, 5]);
  });

  it('reports a quoted field the file ends inside (pandas: "EOF inside string"), naming its line', () => {
    const records = tsvRecordsOfText('a\tb\n1\t"never closed\nmore\n');
    expect(records[1].error).toBe('a quoted field opened on line 2 is never closed (the file ends inside it)');
  });
});
