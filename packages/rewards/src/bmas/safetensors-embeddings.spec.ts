import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SafetensorsEmbeddings, locateEmbeddingFile } from './safetensors-embeddings';
import { bf16Bits, encodeSafetensors, encodeSafetensorsHeader, f32Bytes, u16Bytes, type TensorBytes } from './testing';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmas-safetensors-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

/** 5 x 4 table whose row i is [i, i + 0.5, -i, 1 / (i + 1)] (exact in float32 up to rounding of 1/3 etc.). */
const ROWS = Array.from({ length: 5 }, (_, i) => [i, i + 0.5, -i, 1 / (i + 1)]);
const f32 = (values: number[]): number[] => Array.from(Float32Array.from(values));
const OTHER: TensorBytes = { name: 'model.norm.weight', dtype: 'F32', shape: [2, 3], bytes: f32Bytes([9, 9, 9, 9, 9, 9]) };
const AFTER: TensorBytes = { name: 'lm_head.weight', dtype: 'F32', shape: [1, 4], bytes: f32Bytes([7, 7, 7, 7]) };
const embedF32 = (name = 'model.embed_tokens.weight'): TensorBytes => ({ name, dtype: 'F32', shape: [5, 4], bytes: f32Bytes(ROWS.flat()) });

describe('SafetensorsEmbeddings: rows', () => {
  it('reads F32 rows exactly, skipping tensors before and after', () => {
    const file = write('f32.safetensors', encodeSafetensors([OTHER, embedF32(), AFTER], { format: 'pt' }));
    const table = SafetensorsEmbeddings.open(file);
    expect([table.vocabSize, table.hiddenSize, table.dtype, table.tensorName]).toEqual([5, 4, 'F32', 'model.embed_tokens.weight']);
    ROWS.forEach((row, id) => expect(Array.from(table.readRow(id))).toEqual(f32(row)));
    expect(Array.from(table.readRows([4, 0, 4]))).toEqual(f32([...ROWS[4], ...ROWS[0], ...ROWS[4]]));
    table.close();
  });

  it('takes the first *embed_tokens.weight in header order', () => {
    const second: TensorBytes = { name: 'model.visual.embed_tokens.weight', dtype: 'F32', shape: [1, 4], bytes: f32Bytes([1, 1, 1, 1]) };
    const file = write('two.safetensors', encodeSafetensors([OTHER, second, embedF32('model.language_model.embed_tokens.weight')]));
    const table = SafetensorsEmbeddings.open(file);
    expect(table.tensorName).toBe('model.visual.embed_tokens.weight');
    expect(table.vocabSize).toBe(1);
    table.close();
  });

  it('converts F16 rows exactly (normal, subnormal, zero, infinity, NaN)', () => {
    // Row 0: 1, -2, 65504, 2^-24; row 1: -0, 2^-14, inf, NaN (hand-decoded IEEE binary16).
    const bits = [0x3c00, 0xc000, 0x7bff, 0x0001, 0x8000, 0x0400, 0x7c00, 0x7e00];
    const file = write('f16.safetensors', encodeSafetensors([OTHER, { name: 'embed_tokens.weight', dtype: 'F16', shape: [2, 4], bytes: u16Bytes(bits) }]));
    const table = SafetensorsEmbeddings.open(file);
    expect(table.dtype).toBe('F16');
    expect(Array.from(table.readRow(0))).toEqual([1, -2, 65504, 2 ** -24]);
    const row1 = table.readRow(1);
    expect(Object.is(row1[0], -0)).toBe(true);
    expect([row1[1], row1[2]]).toEqual([2 ** -14, Infinity]);
    expect(row1[3]).toBeNaN();
    table.close();
  });

  it('converts BF16 rows exactly', () => {
    const values = [1, -2, 3.140625, 2 ** -133, -0.5, 65536, 1e38, -1e-38];
    const file = write('bf16.safetensors', encodeSafetensors([{ name: 'model.embed_tokens.weight', dtype: 'BF16', shape: [2, 4], bytes: u16Bytes(values.map(bf16Bits)) }, AFTER]));
    const table = SafetensorsEmbeddings.open(file);
    const decoded = [...table.readRow(0), ...table.readRow(1)];
    // Each value's float32 with the low 16 bits rounded away (torch's bfloat16 rounding).
    const expected = values.map((v) => {
      const view = new DataView(new ArrayBuffer(4));
      view.setUint32(0, bf16Bits(v) << 16);
      return view.getFloat32(0);
    });
    expect(decoded).toEqual(expected);
    expect(decoded.slice(0, 3)).toEqual([1, -2, 3.140625]);
    table.close();
  });

  it('writes into the given output array', () => {
    const table = SafetensorsEmbeddings.open(write('out.safetensors', encodeSafetensors([embedF32()])));
    const out = new Float32Array(6);
    expect(table.readRow(2, out)).toBe(out);
    expect(Array.from(out.subarray(0, 4))).toEqual(f32(ROWS[2]));
    expect(() => table.readRow(2, new Float32Array(3))).toThrow(/3 elements, hidden size is 4/);
    table.close();
  });

  it.each([-1, 5, 1.5, NaN])('rejects token id %s naming the id and the vocab size', (id) => {
    const table = SafetensorsEmbeddings.open(write('range.safetensors', encodeSafetensors([embedF32()])));
    expect(() => table.readRow(id)).toThrow(new RegExp(`token id ${id} is outside the embedding table \\(vocab size 5\\)`));
    table.close();
  });

  it('refuses reads after close()', () => {
    const table = SafetensorsEmbeddings.open(write('closed.safetensors', encodeSafetensors([embedF32()])));
    table.close();
    expect(() => table.readRow(0)).toThrow(/read after close/);
  });
});

describe('SafetensorsEmbeddings: reads only what it needs', () => {
  it('opens a 200 MB table and reads three rows with a few KiB of reads', () => {
    const vocab = 25_000;
    const hidden = 2048;
    const header = encodeSafetensorsHeader([{ name: 'model.embed_tokens.weight', dtype: 'F32', shape: [vocab, hidden], byteLength: vocab * hidden * 4 }]);
    const file = path.join(dir, 'sparse.safetensors');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, header, 0, header.length, 0);
    fs.ftruncateSync(fd, header.length + vocab * hidden * 4); // sparse: no data blocks written
    const row = Float32Array.from({ length: hidden }, (_, k) => k - 1000.25);
    fs.writeSync(fd, f32Bytes(row), 0, hidden * 4, header.length + 24_321 * hidden * 4);
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBeGreaterThan(200_000_000);

    const readSync = jest.spyOn(fs, 'readSync');
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    try {
      const table = SafetensorsEmbeddings.open(file);
      expect(Array.from(table.readRow(24_321))).toEqual(Array.from(row));
      expect(Array.from(table.readRow(0).subarray(0, 3))).toEqual([0, 0, 0]);
      table.readRow(vocab - 1);
      table.close();
      const requested = readSync.mock.calls.reduce((sum, call) => sum + Number((call as unknown[])[3]), 0);
      expect(readSync).toHaveBeenCalled();
      expect(requested).toBeLessThanOrEqual(8 + (header.length - 8) + 3 * hidden * 4);
      expect(readFileSync).not.toHaveBeenCalledWith(file, expect.anything());
      expect(readFileSync).not.toHaveBeenCalledWith(file);
    } finally {
      readSync.mockRestore();
      readFileSync.mockRestore();
    }
  });
});

describe('SafetensorsEmbeddings: folders', () => {
  it('opens model.safetensors in a folder', () => {
    write('single/model.safetensors', encodeSafetensors([OTHER, embedF32()]));
    write('single/other.safetensors', encodeSafetensors([OTHER]));
    const table = SafetensorsEmbeddings.open(path.join(dir, 'single'));
    expect(table.file).toBe(path.join(dir, 'single', 'model.safetensors'));
    expect(Array.from(table.readRow(3))).toEqual(f32(ROWS[3]));
    table.close();
  });

  it('follows model.safetensors.index.json to the shard, in weight_map order', () => {
    write('sharded/model-00001-of-00002.safetensors', encodeSafetensors([OTHER, { ...AFTER, name: 'model.visual.patch_embed.weight' }]));
    write('sharded/model-00002-of-00002.safetensors', encodeSafetensors([embedF32('model.language_model.embed_tokens.weight'), AFTER]));
    const weightMap = {
      'model.norm.weight': 'model-00001-of-00002.safetensors',
      'model.language_model.embed_tokens.weight': 'model-00002-of-00002.safetensors',
      'lm_head.weight': 'model-00002-of-00002.safetensors',
      'z.embed_tokens.weight': 'model-00001-of-00002.safetensors',
    };
    write('sharded/model.safetensors.index.json', Buffer.from(JSON.stringify({ metadata: { total_size: 1 }, weight_map: weightMap })));
    const table = SafetensorsEmbeddings.open(path.join(dir, 'sharded'));
    expect(path.basename(table.file)).toBe('model-00002-of-00002.safetensors');
    expect(table.tensorName).toBe('model.language_model.embed_tokens.weight');
    expect(Array.from(table.readRow(1))).toEqual(f32(ROWS[1]));
    table.close();
  });

  it('opens the only *.safetensors of a folder', () => {
    write('only/weights.safetensors', encodeSafetensors([embedF32()]));
    expect(locateEmbeddingFile(path.join(dir, 'only')).file).toBe(path.join(dir, 'only', 'weights.safetensors'));
  });

  it('refuses a folder with several files and no index, or none', () => {
    write('many/a.safetensors', encodeSafetensors([embedF32()]));
    write('many/b.safetensors', encodeSafetensors([embedF32()]));
    expect(() => SafetensorsEmbeddings.open(path.join(dir, 'many'))).toThrow(/2 \.safetensors files \("a\.safetensors", "b\.safetensors"\)/);
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(() => SafetensorsEmbeddings.open(path.join(dir, 'empty'))).toThrow(/empty: no \.safetensors file/);
    expect(() => SafetensorsEmbeddings.open(path.join(dir, 'missing'))).toThrow(/missing: cannot open the embeddings file or folder \(ENOENT\)/);
  });

  it('names the index when its weight_map has no embedding tensor', () => {
    write('noembed/model.safetensors.index.json', Buffer.from(JSON.stringify({ weight_map: { 'a.weight': 'x.safetensors', 'b.bias': 'x.safetensors' } })));
    expect(() => SafetensorsEmbeddings.open(path.join(dir, 'noembed'))).toThrow(/model\.safetensors\.index\.json: no tensor named \*embed_tokens\.weight in weight_map; tensors: "a\.weight", "b\.bias"/);
  });
});

describe('SafetensorsEmbeddings: invalid files', () => {
  const open = (name: string, bytes: Uint8Array) => () => SafetensorsEmbeddings.open(write(name, bytes));
  const withHeader = (json: string, dataBytes = 0): Uint8Array => {
    const body = Buffer.from(json);
    const out = new Uint8Array(8 + body.length + dataBytes);
    new DataView(out.buffer).setBigUint64(0, BigInt(body.length), true);
    out.set(body, 8);
    return out;
  };

  it('lists a few tensor names when there is no embedding tensor', () => {
    const tensors = Array.from({ length: 7 }, (_, i) => ({ ...OTHER, name: `layer.${i}.weight` }));
    expect(open('none.safetensors', encodeSafetensors(tensors))).toThrow(
      /none\.safetensors: no tensor named \*embed_tokens\.weight; tensors: "layer\.0\.weight", .*"layer\.4\.weight", \.\.\. \(7 in all\)/,
    );
  });

  it('rejects other dtypes and shapes that are not 2-D', () => {
    const i32: TensorBytes = { name: 'embed_tokens.weight', dtype: 'I32', shape: [5, 4], bytes: new Uint8Array(80) };
    expect(open('i32.safetensors', encodeSafetensors([i32]))).toThrow(/has dtype I32; embeddings must be F32, F16, BF16/);
    const threeD: TensorBytes = { name: 'embed_tokens.weight', dtype: 'F32', shape: [1, 5, 4], bytes: new Uint8Array(80) };
    expect(open('3d.safetensors', encodeSafetensors([threeD]))).toThrow(/has shape \[1, 5, 4\], expected \[vocab_size, hidden_size\]/);
  });

  it('rejects absurd or truncated header lengths', () => {
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 2n ** 40n, true);
    expect(open('huge.safetensors', huge)).toThrow(/header length 1099511627776 is over the 100000000-byte limit/);
    const past = new Uint8Array(16);
    new DataView(past.buffer).setBigUint64(0, 100n, true);
    expect(open('past.safetensors', past)).toThrow(/header length 100 runs past the end of the 16-byte file/);
    expect(open('tiny.safetensors', new Uint8Array(3))).toThrow(/has 3 bytes, fewer than the 8-byte header length/);
  });

  it('rejects bad JSON, offsets outside the file and sizes that do not match the shape', () => {
    expect(open('json.safetensors', withHeader('{"a": '))).toThrow(/json\.safetensors: not a valid safetensors file: the header is not UTF-8 JSON/);
    const outside = '{"embed_tokens.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}';
    expect(open('outside.safetensors', withHeader(outside, 8))).toThrow(/data_offsets \[0, 16\] outside the 8-byte data section/);
    const mismatch = '{"embed_tokens.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}';
    expect(open('mismatch.safetensors', withHeader(mismatch, 16))).toThrow(/\(F32, shape \[2, 2\]\) needs 16 bytes but data_offsets span 12/);
    const badShape = '{"embed_tokens.weight":{"dtype":"F32","shape":[2,-2],"data_offsets":[0,0]}}';
    expect(open('shape.safetensors', withHeader(badShape))).toThrow(/has shape \[2,-2\], expected a list of whole numbers/);
  });
});
