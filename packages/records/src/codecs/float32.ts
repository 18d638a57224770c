import { Float32, makeData } from 'apache-arrow';
import { scalarReader, type Codec } from './codec';
import { validityOf } from './null-bitmap';

/** Finite 32-bit floats (NaN and infinities are rejected); a column may be given as a Float32Array. */
export const float32: Codec<number> = {
  expected: 'a Float32',
  arrowTypeSuffices: false,
  arrowType: () => new Float32(),
  accepts: isFiniteFloat32,
  build(values) {
    const data = values instanceof Float32Array ? values : Float32Array.from(values, (value) => value ?? 0);
    return makeData({ type: new Float32(), length: values.length, ...validityOf(values), data });
  },
  reader: scalarReader,
};

export function isFiniteFloat32(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(Math.fround(value));
}
