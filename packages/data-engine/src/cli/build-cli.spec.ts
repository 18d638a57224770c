import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeDeps, fakeGenerators } from '../pipeline/test-fakes';
import type { Manifest } from '../report/manifest';
import { configOf, main } from './build-cli';

const folder = mkdtempSync(join(tmpdir(), 'build-cli-'));
const configPath = join(folder, 'config.json');
writeFileSync(configPath, JSON.stringify({ seed: 7, workers: 1, procedural: { candidatesPerTask: 40 }, quotas: { perTask: { chart: 30 } }, bench: { perTask: 3 } }));

describe('build-mixed45k command line', () => {
  it('layers the flags over the config file', () => {
    const { config, progress } = configOf(['--config', configPath, '--out', '/tmp/o', '--sources', 'a, b', '--limit', '20', '--seed', '9', '--workers', '3', '--pass-rates', 'r.arrow', '--missing', 'reject', '--no-bench', '--bench-out', 'b.tsv', '--no-progress']);
    expect(progress).toBe(false);
    expect(config).toMatchObject({ seed: 9, out: '/tmp/o', only: ['a', 'b'], limit: 20, workers: 3, difficulty: { passRates: 'r.arrow', missing: 'reject' }, bench: { enabled: false, out: 'b.tsv', perTask: 3 } });
    expect(config.quotas.perTask.chart).toBe(30);
    expect(config.procedural.candidatesPerTask).toBe(40);
  });

  it('names the flag of a bad value and the file of a bad setting', () => {
    expect(() => configOf(['--config', configPath, '--workers', 'many'])).toThrow(/^command line: workers: expected a whole number from 1 to 64, or "auto", found "many"/);
    expect(() => configOf(['--config', configPath, '--missing', 'drop'])).toThrow(/^command line: difficulty\.missing: expected one of "keep", "reject"/);
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ quotas: { perTask: { chart: 'many' } } }));
    expect(() => configOf(['--config', bad])).toThrow(`${bad}: quotas.perTask.chart: expected a whole number >= 0, found "many"`);
    expect(() => configOf(['--config', join(folder, 'none.json')])).toThrow(/none\.json: cannot read the config file/);
  });

  it('builds a small set into --out', async () => {
    const out = join(folder, 'out');
    const lines: string[] = [];
    const { manifest } = await main(['--config', configPath, '--out', out, '--limit', '60', '--bench-out', join(out, 'bench.tsv'), '--no-progress'], fakeDeps(fakeGenerators()), (line) => lines.push(line));
    expect(manifest.counts.train).toEqual({ inputs: 60, output: 60, rejected: 0 });
    expect(readdirSync(out).sort()).toEqual(['bench.tsv', 'manifest.json', 'rejected.arrow', 'shard-00000.arrow', 'stats.html', 'stats.md']);
    expect((JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest).config.limit).toBe(60);
    expect(lines[0]).toBe('60 samples in 1 shard; 0 of 60 inputs rejected');
    expect(existsSync(join(out, 'bench.tsv'))).toBe(true);
  });
});
