import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { modelWeightsFingerprint } from './model-fingerprint';
import { checkRunManifest, RUN_MANIFEST_FILE } from './run-manifest';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('modelWeightsFingerprint', () => {
  it('names each safetensors file with its size and SHA-256, in name order, and nothing else', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weights-'));
    // Larger than one read chunk (4 MiB), so the streamed hash is checked across chunks.
    const big = Buffer.alloc((1 << 22) + 1234, 7);
    big[5_000_000] = 1;
    const small = Buffer.from('tensor bytes');
    writeFileSync(path.join(dir, 'model-00002-of-00002.safetensors'), small);
    writeFileSync(path.join(dir, 'model-00001-of-00002.safetensors'), big);
    writeFileSync(path.join(dir, 'config.json'), '{}');
    expect(modelWeightsFingerprint(dir)).toEqual([
      { file: 'model-00001-of-00002.safetensors', bytes: big.length, sha256: sha256(big) },
      { file: 'model-00002-of-00002.safetensors', bytes: small.length, sha256: sha256(small) },
    ]);
    expect(modelWeightsFingerprint(path.join(dir, 'absent'))).toEqual([]);
  });

  it('makes a resumed run refuse predictions of other weights under the same path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weights-'));
    const predictions = path.join(dir, 'predictions');
    mkdirSync(predictions);
    writeFileSync(path.join(dir, 'model.safetensors'), 'before');
    const manifest = () => ({ model: dir, weights: modelWeightsFingerprint(dir) });
    writeFileSync(path.join(predictions, RUN_MANIFEST_FILE), checkRunManifest(predictions, manifest()));
    expect(() => checkRunManifest(predictions, manifest())).not.toThrow();
    writeFileSync(path.join(dir, 'model.safetensors'), 'retrained');
    expect(() => checkRunManifest(predictions, manifest())).toThrow(/holds predictions made with other settings \(weights: /);
  });
});
