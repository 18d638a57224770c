import fs from 'node:fs';
import os from 'node:os';
import { bf16ToF32, f16ToF32 } from './float-conversion';
import { parseSafetensorsHeader, safetensorsHeaderLength, type SafetensorsHeader, type TensorEntry } from '@mixed-r1/records';

/** The float dtypes a checkpoint tensor may have; all are read as float32. */
export const FLOAT_DTYPES = ['F32', 'F16', 'BF16'] as const;

function readFully(fd: number, file: string, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error(`${file}: unexpected end of file reading ${into.length} bytes at offset ${position}`);
    done += n;
  }
}

/** An open `.safetensors` file: the header parsed, tensors read on request. */
export class SafetensorsFile {
  private fd: number | null;

  private constructor(
    readonly header: SafetensorsHeader,
    fd: number,
  ) {
    this.fd = fd;
  }

  static open(file: string): SafetensorsFile {
    if (os.endianness() !== 'LE') throw new Error('safetensors data is little-endian; this host is big-endian');
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      throw new Error(`${file}: cannot open the safetensors file (${(error as NodeJS.ErrnoException).code})`);
    }
    try {
      const size = fs.fstatSync(fd).size;
      const prefix = new Uint8Array(8);
      if (size >= 8) readFully(fd, file, prefix, 0);
      const json = new Uint8Array(safetensorsHeaderLength(file, prefix, size));
      readFully(fd, file, json, 8);
      return new SafetensorsFile(parseSafetensorsHeader(file, json, size), fd);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  get file(): string {
    return this.header.file;
  }

  entry(name: string): TensorEntry | undefined {
    return this.header.byName.get(name);
  }

  /** The tensor's values as float32 (F32, F16 and BF16 exactly; other dtypes are an error naming it). */
  readFloat32(name: string): Float32Array {
    if (this.fd === null) throw new Error(`${this.file}: read after close()`);
    const entry = this.entry(name);
    if (!entry) throw new Error(`${this.file}: no tensor "${name}"`);
    if (!(FLOAT_DTYPES as readonly string[]).includes(entry.dtype)) {
      throw new Error(`${this.file}: tensor "${name}" has dtype ${entry.dtype}; model weights must be ${FLOAT_DTYPES.join(', ')}`);
    }
    // A fresh, aligned buffer: typed-array views need element alignment.
    const bytes = new Uint8Array(entry.byteLength);
    readFully(this.fd, this.file, bytes, entry.start);
    if (entry.dtype === 'F32') return new Float32Array(bytes.buffer);
    const halves = new Uint16Array(bytes.buffer);
    return entry.dtype === 'F16' ? f16ToF32(halves) : bf16ToF32(halves);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
