import { Int32, makeData } from 'apache-arrow';
import { scalarReader, type Codec } from './codec';
import { validityOf } from './null-bitmap';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** 32-bit signed integers; a column may be given as an Int32Array. */
export const int32: Codec<number> = {
  expected: 'an Int32',
  arrowTypeSuffices: true,
  arrowType: () => new Int32(),
  accepts: (value): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX,
  build(values) {
    const data = values instanceof Int32Array ? values : Int32Array.from(values, (value) => value ?? 0);
    return makeData({ type: new Int32(), length: values.length, ...validityOf(values), data });
  },
  reader: scalarReader,
};
