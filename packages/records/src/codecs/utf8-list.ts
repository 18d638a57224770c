import { Field, List, makeData, Utf8, type Data, type Vector } from 'apache-arrow';
import { chunkedReader } from './chunked-reader';
import type { Codec } from './codec';
import { validityOf } from './null-bitmap';
import { utf8 } from './utf8';

const listType = () => new List(new Field('item', new Utf8(), false));
const decoder = new TextDecoder();

/** A list of strings per row (the option texts of a multiple-choice question). */
export const utf8List: Codec<string[]> = {
  expected: 'an array of strings',
  arrowTypeSuffices: false,
  arrowType: listType,
  accepts: (value): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  build(values) {
    const valueOffsets = new Int32Array(values.length + 1);
    const items: string[] = [];
    for (let i = 0; i < values.length; i++) {
      items.push(...(values[i] ?? []));
      valueOffsets[i + 1] = items.length;
    }
    const child = utf8.build(items) as Data<Utf8>;
    return makeData({ type: listType(), length: values.length, ...validityOf(values), valueOffsets, child });
  },
  reader: (vector: Vector) => chunkedReader(vector, readUtf8ListChunk),
};

/** Rows as new arrays of strings; a null item (possible in a file written elsewhere) stays null. */
function readUtf8ListChunk(data: Data): (index: number) => string[] | null {
  const offsets = data.valueOffsets as Int32Array;
  const strings = data.children[0];
  const stringOffsets = strings.valueOffsets as Int32Array;
  const bytes = strings.values as Uint8Array;
  const item = (k: number) =>
    strings.getValid(k) ? decoder.decode(bytes.subarray(stringOffsets[k], stringOffsets[k + 1])) : null;
  return (index) => {
    if (!data.getValid(index)) return null;
    const items = [];
    for (let k = offsets[index]; k < offsets[index + 1]; k++) items.push(item(k));
    return items as string[];
  };
}
