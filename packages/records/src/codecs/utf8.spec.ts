import { makeVector } from 'apache-arrow';
import { encodeStrings, utf8 } from './utf8';

describe('utf8 codec', () => {
  it('encodes strings as UTF-8 back to back, with offsets, and nulls as empty ranges', () => {
    const { valueOffsets, data } = encodeStrings(['a', null, 'é', '', '€', '🐦']);
    expect([...valueOffsets]).toEqual([0, 1, 1, 3, 3, 6, 10]);
    expect([...data]).toEqual([0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x90, 0xa6]);
  });

  it('grows its buffer for long strings', () => {
    const long = 'ü'.repeat(5000);
    const vector = makeVector(utf8.build([long, 'x', long]));
    expect(vector.get(0)).toBe(long);
    expect(vector.get(1)).toBe('x');
    expect(vector.get(2)).toBe(long);
  });

  it('reads back what it builds, nulls included', () => {
    const values = ['', 'plain', null, '两只狗', 'tab\tand\nnewline'];
    const read = utf8.reader(makeVector(utf8.build(values)), 'view');
    expect(values.map((_, row) => read(row))).toEqual(values);
  });
});
