import { Field, Float32, Int32, List, makeData, type Data, type Vector } from 'apache-arrow';
import { chunkedReader } from './chunked-reader';
import type { Codec, ReadAccess } from './codec';
import { validityOf } from './null-bitmap';

type NumberArray = Int32Array | Float32Array;

interface TypedListSpec<A extends NumberArray> {
  readonly expected: string;
  readonly ArrayType: { new (length: number): A };
  readonly itemType: () => Int32 | Float32;
  /** Arrow data of the items of all rows, back to back. */
  readonly itemData: (items: A) => Data;
  /** A check of all items of a row, or none when the array type guarantees valid items. */
  readonly acceptsItems?: (items: A) => boolean;
}

/** A list of numbers per row, given and read as one typed array per row. */
function typedList<A extends NumberArray>(spec: TypedListSpec<A>): Codec<A> {
  const arrowType = () => new List(new Field('item', spec.itemType(), false));
  return {
    expected: spec.expected,
    arrowTypeSuffices: false,
    arrowType,
    accepts: (value): value is A => value instanceof spec.ArrayType && (spec.acceptsItems?.(value) ?? true),
    build: (values) => buildTypedList(values, arrowType(), spec),
    reader: (vector: Vector, access: ReadAccess) =>
      chunkedReader(vector, (data) => readTypedListChunk<A>(data, access)),
  };
}

function buildTypedList<A extends NumberArray>(
  values: ArrayLike<A | null>,
  type: List,
  spec: TypedListSpec<A>,
): Data {
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) valueOffsets[i + 1] = valueOffsets[i] + (values[i]?.length ?? 0);
  const items = new spec.ArrayType(valueOffsets[values.length]);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null) items.set(value, valueOffsets[i]);
  }
  return makeData({ type, length: values.length, ...validityOf(values), valueOffsets, child: spec.itemData(items) });
}

/**
 * Rows as views into the chunk's items, or into one copy of them made for the whole chunk.
 * Items that are null (possible in a file written elsewhere) come back as a plain array holding
 * the nulls, which no typed-list codec accepts.
 */
function readTypedListChunk<A extends NumberArray>(data: Data, access: ReadAccess): (index: number) => A | null {
  const offsets = data.valueOffsets as Int32Array;
  const child = data.children[0];
  const childHasNulls = child.nullCount > 0;
  const base = access === 'copy' ? (offsets[0] ?? 0) : 0;
  const items = access === 'copy' ? (child.values as A).slice(base, offsets[data.length] ?? 0) : (child.values as A);
  return (index) => {
    if (!data.getValid(index)) return null;
    const start = offsets[index];
    const end = offsets[index + 1];
    if (childHasNulls && hasNull(child, start, end)) return itemsWithNulls(child, start, end) as unknown as A;
    return items.subarray(start - base, end - base) as A;
  };
}

function hasNull(data: Data, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!data.getValid(i)) return true;
  return false;
}

function itemsWithNulls(data: Data, start: number, end: number): (number | null)[] {
  const items = data.values as NumberArray;
  return Array.from({ length: end - start }, (_, k) => (data.getValid(start + k) ? items[start + k] : null));
}

/** Whether no item is NaN or infinite (every finite number in a Float32Array is a valid Float32). */
function allFinite(items: Float32Array): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item - item !== 0) return false;
  }
  return true;
}

/** Token ids. */
export const int32List: Codec<Int32Array> = typedList({
  expected: 'an Int32Array',
  ArrayType: Int32Array,
  itemType: () => new Int32(),
  itemData: (items) => makeData({ type: new Int32(), length: items.length, nullCount: 0, data: items }),
});

/** Finite 32-bit floats (log-probabilities). */
export const float32List: Codec<Float32Array> = typedList({
  expected: 'a Float32Array of finite numbers',
  ArrayType: Float32Array,
  itemType: () => new Float32(),
  itemData: (items) => makeData({ type: new Float32(), length: items.length, nullCount: 0, data: items }),
  acceptsItems: allFinite,
});
