import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable, rowsFromBatch, sampleSchema, TASK_TYPES, type SampleRow } from '@mixed-r1/records';
import { parseBenchTsv } from '../bench-split/vlmevalkit-tsv';
import type { SourceItem } from '../candidate';
import { resolveEngineConfig } from '../config/resolve-config';
import type { Manifest } from '../report/manifest';
import { buildMixed } from './build';
import { writePassRates } from './pass-rates';
import { readRejections } from './rejection-table';
import { fakeDeps, fakeGenerator, fakeGenerators, patternedImage } from './test-fakes';

const scratch = mkdtempSync(join(tmpdir(), 'build-'));
let runs = 0;

function configFor(values: Record<string, unknown>) {
  const out = join(scratch, `run-${runs++}`);
  return resolveEngineConfig({
    origin: 'test',
    values: { out, workers: 1, shardSize: 16, procedural: { candidatesPerTask: 30 }, bench: { perTask: 4, out: join(out, 'bench.tsv') }, ...values },
  });
}

function shardRows(outDir: string): SampleRow[] {
  return readdirSync(outDir)
    .filter((name) => name.startsWith('shard-'))
    .sort()
    .flatMap((name) => rowsFromBatch(sampleSchema, readTable(join(outDir, name), sampleSchema)));
}

const item = (id: string, overrides: object = {}): SourceItem => ({
  inputRef: `items.json#${id}`,
  sample: { id, source: 'fake-src', task: 'yes_no', question: `Question ${id}?`, options: null, answer: 'no', answerBox: null, imageBytes: patternedImage(1000 + id.length * 31 + id.charCodeAt(id.length - 1)), imagePath: null, solution: null, metadata: null, ...overrides },
});

const sourceItems: SourceItem[] = [
  item('s-a'),
  item('s-b', { answer: 'perhaps' }), // validate: yes/no answer
  item('s-c', { imageBytes: Uint8Array.from([1, 2, 3]) }), // validate: undecodable
  item('s-a'), // normalise: duplicate id
  item('s-d', { imageBytes: patternedImage(1000 + 3 * 31 + 'a'.charCodeAt(0)), question: ' question  S-A? ' }), // deduplicate: same image and question as s-a
  { rejection: { source: 'fake-src', inputRef: 'items.json#7', sampleId: null, stage: 'read', reason: 'malformed entry: no question' } },
];
const fakeSource = { name: 'fake-src', adapter: 'fake', path: __filename };

describe('buildMixed', () => {
  let first: { outDir: string; manifest: Manifest };

  beforeAll(async () => {
    first = await buildMixed({ config: configFor({ sources: [fakeSource], quotas: { perTask: { yes_no: 20, chart: 25 } } }), deps: fakeDeps(fakeGenerators(), sourceItems), progress: false });
  });

  it('puts every input either in the output or in rejected.arrow', () => {
    const { counts } = first.manifest;
    const rejected = readRejections(join(first.outDir, 'rejected.arrow'));
    const trainRejected = rejected.filter((rejection) => !rejection.inputRef.startsWith('bench:'));
    const rows = shardRows(first.outDir);
    expect(counts.train.inputs).toBe(5 * 30 + sourceItems.length);
    expect(rows.length).toBe(counts.train.output);
    expect(trainRejected.length).toBe(counts.train.rejected);
    expect(rows.length + trainRejected.length).toBe(counts.train.inputs);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(counts.bench).toEqual({ inputs: 20, output: 20, rejected: 0 });
  });

  it('records each rejection with its stage and reason', () => {
    const rejected = readRejections(join(first.outDir, 'rejected.arrow'));
    const bySample = (id: string | null, stage: string) => rejected.filter((rejection) => rejection.sampleId === id && rejection.stage === stage);
    expect(bySample('s-b', 'validate')[0].reason).toMatch(/^yes\/no answer/);
    expect(bySample('s-c', 'validate')[0].reason).toMatch(/^image undecodable/);
    expect(bySample('s-a', 'normalise')[0]).toMatchObject({ inputRef: 'items.json#s-a', reason: 'duplicate sample id: "s-a" was first given by items.json#s-a' });
    expect(bySample('s-d', 'deduplicate')[0].reason).toMatch(/^duplicate: the same image \(hash [0-9a-f]{16}\) and question as s-a, the first of its cluster$/);
    expect(bySample(null, 'read')[0]).toEqual({ source: 'fake-src', inputRef: 'items.json#7', sampleId: null, stage: 'read', reason: 'malformed entry: no question' });
    expect(first.manifest.counts.rejectedByStage).toMatchObject({ read: 1, normalise: 1, validate: 2, deduplicate: 1 });
  });

  it('fills the quotas, and rejects the rest naming the quota', () => {
    const { manifest } = first;
    expect(manifest.counts.byTask).toEqual({ yes_no: 20, multiple_choice: 30, chart: 25, grounding: 30, open_ended: 30 });
    expect(manifest.quotas.perTask.yes_no).toEqual({ quota: 20, available: 31, kept: 20 });
    const overQuota = readRejections(join(first.outDir, 'rejected.arrow')).filter((rejection) => rejection.stage === 'quota');
    expect(overQuota).toHaveLength(11 + 5);
    expect(overQuota.filter((rejection) => rejection.reason === 'over quota: the yes_no quota of 20 is full (quotas.perTask.yes_no)')).toHaveLength(11);
  });

  it('writes shards of shardSize rows, images embedded, in a shuffled order', () => {
    const rows = shardRows(first.outDir);
    expect(first.manifest.shards.map((shard) => shard.rows)).toEqual([16, 16, 16, 16, 16, 16, 16, 16, 7]);
    expect(rows.every((row) => row.imageBytes !== null && row.imageBytes.length > 0 && row.imageWidth > 0)).toBe(true);
    const tasks = rows.slice(0, 30).map((row) => row.task);
    expect(new Set(tasks).size).toBeGreaterThan(2); // not grouped by task
  });

  it('writes the manifest, the stats pages and the benchmark TSV', () => {
    const manifest = JSON.parse(readFileSync(join(first.outDir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.schema).toEqual({ name: 'sample', version: 1 });
    expect(manifest.inputs[0]).toMatchObject({ kind: 'source', name: 'fake-src', adapter: 'fake', checksumOf: 'file', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), inputs: 6 });
    expect(manifest.inputs[1]).toMatchObject({ kind: 'procedural', name: 'fake-yes_no', seed: manifest.seed, candidates: 30 });
    expect(manifest.config.quotas.perTask.yes_no).toBe(20);
    const html = readFileSync(join(first.outDir, 'stats.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(readFileSync(join(first.outDir, 'stats.md'), 'utf8')).toMatch(/\| validate \| yes\/no answer \| 1 \|/);
    const bench = parseBenchTsv(readFileSync(join(first.outDir, 'bench.tsv'), 'utf8'));
    expect(bench).toHaveLength(20);
    expect(bench.map((row) => row.task)).toEqual(TASK_TYPES.flatMap((task) => [task, task, task, task]));
    expect(bench.find((row) => row.task === 'multiple_choice')).toMatchObject({ A: 'red', D: 'grey', answer: 'D', category: 'multiple_choice', box: '' });
    expect(bench.find((row) => row.task === 'grounding')?.box).toMatch(/^\[1, 2, \d+, \d+\]$/);
  });

  it('gives byte-identical shards for the same config and seed', async () => {
    const config = configFor({ sources: [fakeSource], quotas: { perTask: { yes_no: 20, chart: 25 } } });
    const again = await buildMixed({ config, deps: fakeDeps(fakeGenerators(), sourceItems), progress: false });
    const files = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('shard-') || name === 'rejected.arrow' || name === 'bench.tsv').sort();
    expect(files(again.outDir)).toEqual(files(first.outDir));
    for (const name of files(first.outDir)) expect(readFileSync(join(again.outDir, name)).equals(readFileSync(join(first.outDir, name)))).toBe(true);
  });

  it('orders differently with another seed', async () => {
    const other = await buildMixed({ config: configFor({ seed: 99, sources: [fakeSource], quotas: { perTask: { yes_no: 20, chart: 25 } }, bench: { enabled: false } }), deps: fakeDeps(fakeGenerators(), sourceItems), progress: false });
    expect(shardRows(other.outDir).map((row) => row.id)).not.toEqual(shardRows(first.outDir).map((row) => row.id));
  });
});

describe('buildMixed, dedup and difficulty', () => {
  it('reports duplicate clusters and keeps the first of each', async () => {
    const generator = fakeGenerator({ name: 'repeating', task: 'chart', imageKey: (index) => index % 10 });
    const { manifest, outDir } = await buildMixed({ config: configFor({ procedural: { candidates: { repeating: 35 } }, bench: { enabled: false } }), deps: fakeDeps([generator]), progress: false });
    expect(manifest.dedup).toMatchObject({ clusters: 10, duplicates: 25, sizes: { '4': 5, '3': 5 } });
    expect(manifest.dedup.examples[0]).toMatchObject({ keptId: 'procedural/repeating/20250530-0', duplicateIds: ['procedural/repeating/20250530-10', 'procedural/repeating/20250530-20', 'procedural/repeating/20250530-30'] });
    expect(shardRows(outDir).map((row) => row.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `procedural/repeating/20250530-${i}`).sort());
  });

  it('drops pass rates 0 and 1 and keeps or rejects unlisted samples', async () => {
    const generator = fakeGenerator({ name: 'g', task: 'open_ended' });
    const ids = Array.from({ length: 6 }, (_, i) => `procedural/g/20250530-${i}`);
    const rates = join(scratch, 'rates.arrow');
    writePassRates(rates, [
      { sampleId: ids[0], passRate: 0, k: 8 },
      { sampleId: ids[1], passRate: 1, k: 8 },
      { sampleId: ids[2], passRate: 0.25, k: 8 },
    ]);
    const run = (missing: string) =>
      buildMixed({ config: configFor({ procedural: { candidates: { g: 6 } }, difficulty: { passRates: rates, missing }, bench: { enabled: false } }), deps: fakeDeps([generator]), progress: false });
    const keep = await run('keep');
    expect(shardRows(keep.outDir).map((row) => row.id).sort()).toEqual([ids[2], ids[3], ids[4], ids[5]]);
    const rejected = readRejections(join(keep.outDir, 'rejected.arrow'));
    expect(rejected.map((rejection) => [rejection.sampleId, rejection.stage, rejection.reason])).toEqual([
      [ids[0], 'difficulty', 'too hard: pass rate 0 over k=8 rollouts'],
      [ids[1], 'difficulty', 'too easy: pass rate 1 over k=8 rollouts'],
    ]);
    const reject = await run('reject');
    expect(shardRows(reject.outDir).map((row) => row.id)).toEqual([ids[2]]);
    expect(reject.manifest.difficulty).toMatchObject({ listed: 3, kept: 1, tooHard: 1, tooEasy: 1, missingRejected: 3 });
  });

  it('caps a source, and narrows and scales a build with only and limit', async () => {
    const { manifest } = await buildMixed({
      config: configFor({ only: ['fake-chart', 'fake-grounding'], limit: 40, quotas: { perSource: { 'procedural/fake-chart': 5 } }, bench: { enabled: false } }),
      deps: fakeDeps(fakeGenerators()),
      progress: false,
    });
    expect(manifest.counts.train.inputs).toBe(40);
    expect(manifest.counts.bySource).toEqual({ 'procedural/fake-chart': 5, 'procedural/fake-grounding': 20 });
  });

  it('leaves a drill out of "all" and of the benchmark, and builds it when --sources names it', async () => {
    const drill = { ...fakeGenerator({ name: 'fake-drill', task: 'yes_no', question: (i) => `Drill ${i}?` }), drill: true };
    const deps = fakeDeps([...fakeGenerators(), drill]);
    const everything = await buildMixed({ config: configFor({ bench: { enabled: false } }), deps, progress: false });
    expect(Object.keys(everything.manifest.counts.bySource)).not.toContain('procedural/fake-drill');
    expect(Object.keys(everything.manifest.counts.bySource)).toContain('procedural/fake-yes_no');
    const named = await buildMixed({ config: configFor({ only: ['fake-drill'] }), deps, progress: false });
    expect(named.manifest.counts.bySource).toEqual({ 'procedural/fake-drill': 30 });
    expect(shardRows(named.outDir).every((row) => row.question.startsWith('Drill '))).toBe(true);
    // the benchmark is Mixed-45K's: the drill's questions are not in it
    const bench = parseBenchTsv(readFileSync(join(named.outDir, 'bench.tsv'), 'utf8'));
    expect(bench.length).toBeGreaterThan(0);
    expect(bench.some((row) => row.question.startsWith('Drill '))).toBe(false);
  });

  it('refuses worker threads with custom deps, and unknown names, before any work', async () => {
    await expect(buildMixed({ config: configFor({ workers: 2 }), deps: fakeDeps(fakeGenerators()), progress: false })).rejects.toThrow(/workers: 2 worker threads use the registered/);
    await expect(buildMixed({ config: configFor({ only: ['nope'] }), deps: fakeDeps(fakeGenerators()), progress: false })).rejects.toThrow(/only \(--sources\): unknown name "nope"; the names are procedural, fake-yes_no/);
    await expect(buildMixed({ config: configFor({ sources: [{ name: 'x', adapter: 'nope', path: 'p' }] }), deps: fakeDeps([]), progress: false })).rejects.toThrow(/sources\[0\]\.adapter: unknown source adapter "nope"/);
    await expect(buildMixed({ config: configFor({ procedural: { generators: ['fake-chart', 'nope'] } }), deps: fakeDeps(fakeGenerators()), progress: false })).rejects.toThrow(/procedural\.generators\[1\]: unknown procedural generator "nope"/);
  });
});
