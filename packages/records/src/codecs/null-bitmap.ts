/** The validity bitmap of `values` (bit set = value present), or none when nothing is null. */
export interface Validity {
  readonly nullCount: number;
  readonly nullBitmap: Uint8Array | undefined;
}

export function validityOf(values: ArrayLike<unknown>): Validity {
  if (ArrayBuffer.isView(values)) return { nullCount: 0, nullBitmap: undefined };
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return nullCount === 0 ? { nullCount: 0, nullBitmap: undefined } : { nullCount, nullBitmap };
}
