import { TsvParser, tsvRecordsOfText, type TsvRecord } from './tsv-parser';

/** The records of `text`, fed to the parser `chunkSize` bytes at a time. */
function parse(text: string, chunkSize = 1 << 20): TsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const parser = new TsvParser();
  const out: TsvRecord[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) out.push(...parser.feed(bytes.subarray(start, start + chunkSize)));
  out.push(...parser.finish());
  return out;
}

const fieldsOf = (records: TsvRecord[]) => records.map((record) => record.fields);

describe('TsvParser', () => {
  it('splits unquoted fields at tabs and records at line breaks', () => {
    expect(fieldsOf(parse('index\tquestion\tanswer\n1\tIs it red?\tyes\n2\t\tno\n'))).toEqual([
      ['index', 'question', 'answer'],
      ['1', 'Is it red?', 'yes'],
      ['2', '', 'no'],
    ]);
  });

  it.each([1, 2, 5, 1 << 20])('reads quoted fields as Python csv writes them (QUOTE_ALL), in %i-byte chunks', (size) => {
    // csv.writer(delimiter='\t', quoting=csv.QUOTE_ALL).writerow(['1', 'a\tb', 'say "hi"', 'two\nlines', ''])
    const text = '"index"\t"x"\t"y"\t"z"\t"w"\n"1"\t"a\tb"\t"say ""hi"""\t"two\nlines"\t""\n';
    const records = parse(text, size);
    expect(fieldsOf(records)).toEqual([
      ['index', 'x', 'y', 'z', 'w'],
      ['1', 'a\tb', 'say "hi"', 'two\nlines', ''],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2]);
  });

  it('numbers records by the line they start on when quoted fields span lines', () => {
    const records = parse('h1\th2\n"a\nb\nc"\tx\nlast\ty\n');
    expect(records.map((record) => [record.line, record.fields])).toEqual([
      [1, ['h1', 'h2']],
      [2, ['a\nb\nc', 'x']],
      [5, ['last', 'y']],
    ]);
  });

  it('drops the \\r of \\r\\n line breaks, after unquoted and quoted fields', () => {
    expect(fieldsOf(parse('a\tb\r\n"c"\t"d"\r\ne\t"f\r\ng"\r\n'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f\r\ng'],
    ]);
  });

  it('skips blank lines and reads a last record without a final line break', () => {
    expect(fieldsOf(parse('a\tb\n\n\r\nc\td'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('gives the byte range of each field, inside the quotes of a quoted field', () => {
    const text = 'ñ\t"quoted"\nx\t\n';
    const [first, second] = parse(text);
    const bytes = Buffer.from(text);
    expect(first.spans).toEqual([
      [0, 2],
      [4, 10],
    ]);
    expect(first.spans.map(([start, end]) => bytes.toString('utf8', start, end))).toEqual(['ñ', 'quoted']);
    expect(second.spans).toEqual([
      [12, 13],
      [14, 14],
    ]);
  });

  it('keeps multi-byte characters whole across 1-byte chunks', () => {
    expect(fieldsOf(parse('"ñandú"\t🐦\n', 1))).toEqual([['ñandú', '🐦']]);
  });

  it('appends text after a closing quote (pandas), or also marks the record malformed when asked, naming the line', () => {
    expect(tsvRecordsOfText('"a"b\tc\n')).toEqual([{ line: 1, fields: ['ab', 'c'], spans: [[1, 4], [5, 6]] }]);
    const [record] = tsvRecordsOfText('"a"b\tc\n', { textAfterClosingQuote: 'malformed' });
    expect(record.error).toBe('unexpected character "b" after the closing quote of field 1 on line 1');
    expect(record.fields).toEqual(['ab', 'c']);
  });

  it('ends records at a lone \\r too, and skips lines of spaces', () => {
    const records = parse('a\tb\rc\td\r   \r\ne\tf\n');
    expect(records.map((record) => [record.line, record.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [4, ['e', 'f']],
    ]);
  });

  it.each([1, 2, 1 << 20])('drops a UTF-8 byte-order mark at the start (%i-byte chunks), and keeps a start that only looks like one', (size) => {
    expect(fieldsOf(parse('\ufeffindex\tq\n1\tx\n', size))).toEqual([
      ['index', 'q'],
      ['1', 'x'],
    ]);
    const lookalike = Buffer.from([0xef, 0xbb, 0x41, 0x09, 0x42, 0x0a]);
    const parser = new TsvParser();
    const records = [...lookalike].flatMap((byte) => parser.feed(Uint8Array.of(byte)));
    expect([...records, ...parser.finish()].map((record) => record.fields)).toEqual([[Buffer.from([0xef, 0xbb, 0x41]).toString('utf8'), 'B']]);
  });

  it('marks a quoted field that never closes, naming the line it starts on', () => {
    const records = parse('a\tb\n"c\td\ne\tf\n');
    expect(records[1]).toMatchObject({ line: 2, error: 'a quoted field opened on line 2 is never closed (the file ends inside it)' });
    expect(records).toHaveLength(2);
  });
});
