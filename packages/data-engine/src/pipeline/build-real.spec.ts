// Builds with the registered generators and adapters and the vision package's decoder.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceFixture } from '../testing/fixtures/sources';
import { resolveEngineConfig } from '../config/resolve-config';
import { buildMixed } from './build';
import { readRejections } from './rejection-table';

const scratch = mkdtempSync(join(tmpdir(), 'build-real-'));

function config(name: string, values: Record<string, unknown>) {
  const out = join(scratch, name);
  return resolveEngineConfig({ origin: 'test', values: { out, shardSize: 64, bench: { perTask: 4, out: join(out, 'bench.tsv') }, ...values } });
}

describe('buildMixed with the registered generators', () => {
  it('gives byte-identical outputs run twice, with two worker threads and with none', async () => {
    const threaded = await buildMixed({ config: config('threads', { limit: 200, workers: 2 }), progress: false });
    const inline = await buildMixed({ config: config('inline', { limit: 200, workers: 1 }), progress: false });
    expect(threaded.manifest.threads).toBe(2);
    expect(inline.manifest.threads).toBe(1);
    expect(threaded.manifest.counts.train.inputs).toBe(200);
    expect(threaded.manifest.counts.train.output + threaded.manifest.counts.train.rejected).toBe(200);
    const files = readdirSync(threaded.outDir).filter((name) => /^shard-|^rejected\.arrow$|^bench\.tsv$/.test(name)).sort();
    expect(files).toEqual(['bench.tsv', 'rejected.arrow', 'shard-00000.arrow', 'shard-00001.arrow', 'shard-00002.arrow', 'shard-00003.arrow']);
    for (const name of files) expect(readFileSync(join(inline.outDir, name)).equals(readFileSync(join(threaded.outDir, name)))).toBe(true);
  }, 60_000);
});

describe('buildMixed with the registered adapters', () => {
  it('puts every input of the fixture sources in the output or in rejected.arrow', async () => {
    const sources = [
      { name: 'chartqa', adapter: 'chartqa', path: sourceFixture('chartqa', 'test_human.json') },
      { name: 'llava', adapter: 'llava', path: sourceFixture('llava', 'conversations.jsonl') },
      { name: 'captions', adapter: 'coco-captions', path: sourceFixture('coco-captions', 'captions_val2017.json'), options: { } },
      { name: 'mmbench', adapter: 'vlmevalkit-tsv', path: sourceFixture('vlmevalkit-tsv', 'MMBench_fixture.tsv') },
      { name: 'unified', adapter: 'unified-jsonl', path: sourceFixture('unified-jsonl', 'samples.jsonl') },
    ];
    const { manifest, outDir } = await buildMixed({
      config: config('sources', { sources, procedural: { generators: [] }, bench: { enabled: false }, workers: 1, limits: { minSide: 1 } }),
      progress: false,
    });
    const rejected = readRejections(join(outDir, 'rejected.arrow'));
    expect(manifest.counts.train.inputs).toBeGreaterThan(5);
    expect(manifest.counts.train.output).toBeGreaterThan(0);
    expect(manifest.counts.train.output + rejected.length).toBe(manifest.counts.train.inputs);
    expect(manifest.inputs.map((input) => input.kind === 'source' && input.sha256.length)).toEqual([64, 64, 64, 64, 64]);
    const perSource = manifest.inputs.reduce((sum, input) => sum + (input.kind === 'source' ? input.inputs : 0), 0);
    expect(perSource).toBe(manifest.counts.train.inputs);
  }, 30_000);
});
