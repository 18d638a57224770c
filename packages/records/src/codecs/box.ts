import { Field, FixedSizeList, Float64, makeData, type Data, type Vector } from 'apache-arrow';
import type { Box } from '../geometry';
import { chunkedReader } from './chunked-reader';
import type { Codec } from './codec';
import { validityOf } from './null-bitmap';

const BOX_SIZE = 4;
const boxType = () => new FixedSizeList(BOX_SIZE, new Field('item', new Float64(), false));

/** A box `[x1, y1, x2, y2]`: exactly four finite numbers, stored as FixedSizeList<4, Float64>. */
export const box: Codec<Box> = {
  expected: 'a box of 4 finite numbers [x1, y1, x2, y2]',
  arrowTypeSuffices: false,
  arrowType: boxType,
  accepts: (value): value is Box =>
    Array.isArray(value) && value.length === BOX_SIZE && value.every((item) => Number.isFinite(item)),
  build(values) {
    const coordinates = new Float64Array(values.length * BOX_SIZE);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value !== null) coordinates.set(value, i * BOX_SIZE);
    }
    const child = makeData({ type: new Float64(), length: coordinates.length, nullCount: 0, data: coordinates });
    return makeData({ type: boxType(), length: values.length, ...validityOf(values), child });
  },
  reader: (vector: Vector) => chunkedReader(vector, readBoxChunk),
};

/** Boxes as new arrays; a null coordinate (possible in a file written elsewhere) stays null. */
function readBoxChunk(data: Data): (index: number) => Box | null {
  const child = data.children[0];
  const coordinates = child.values as Float64Array;
  const coordinate = (k: number) => (child.getValid(k) ? coordinates[k] : null);
  return (index) => {
    if (!data.getValid(index)) return null;
    const start = index * BOX_SIZE;
    return [coordinate(start), coordinate(start + 1), coordinate(start + 2), coordinate(start + 3)] as unknown as Box;
  };
}
