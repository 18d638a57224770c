import { Int32, makeData, Vector, type Data } from 'apache-arrow';
import { chunkedReader } from './chunked-reader';

const chunk = (values: number[]) =>
  makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values) });
const readInt32 = (data: Data) => (index: number) => (data.values as Int32Array)[index];

describe('chunkedReader', () => {
  const vector = new Vector([chunk([0, 1, 2]), chunk([]), chunk([3]), chunk([4, 5])]);
  const read = chunkedReader(vector, readInt32);

  it('reads rows in order across chunks, empty ones included', () => {
    expect(Array.from({ length: 6 }, (_, row) => read(row))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads rows in any order', () => {
    expect([5, 0, 3, 4, 1, 2, 5].map(read)).toEqual([5, 0, 3, 4, 1, 2, 5]);
  });
});
