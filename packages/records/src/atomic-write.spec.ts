import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { temporaryFolder } from './spec-helpers';

describe('writeFileAtomic', () => {
  const folder = temporaryFolder();
  afterAll(folder.remove);

  it('writes the bytes, replaces an older file, and leaves no temporary file', () => {
    const path = join(folder.path, 'replace', 'data.bin');
    writeFileAtomic(path, Uint8Array.of(1, 2, 3));
    writeFileAtomic(path, Uint8Array.of(4, 5));
    expect([...readFileSync(path)]).toEqual([4, 5]);
    expect(readdirSync(join(folder.path, 'replace'))).toEqual(['data.bin']);
  });

  it('creates missing folders', () => {
    const path = join(folder.path, 'a', 'b', 'c.bin');
    writeFileAtomic(path, new Uint8Array(0));
    expect(readFileSync(path).length).toBe(0);
  });

  it('removes its temporary file when the final rename fails', () => {
    const target = join(folder.path, 'fails', 'taken');
    mkdirSync(target, { recursive: true });
    expect(() => writeFileAtomic(target, Uint8Array.of(1))).toThrow();
    expect(readdirSync(join(folder.path, 'fails'))).toEqual(['taken']);
  });
});
