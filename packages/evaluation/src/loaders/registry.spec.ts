import { BENCH_LOADER_NAMES, BENCH_LOADERS, benchLoaderFor, benchLoaderNamed, loadBenchmark } from './registry';
import { fixturePath } from '../testing';

describe('benchmark loader registry', () => {
  it('holds one loader per format, each under its own name', () => {
    expect(BENCH_LOADER_NAMES).toEqual(['vlmevalkit-tsv', 'unified-jsonl']);
    for (const name of BENCH_LOADER_NAMES) expect(BENCH_LOADERS[name].name).toBe(name);
  });

  it('picks a loader by extension, case-insensitively, and names the known ones for another', () => {
    expect(benchLoaderFor('x/MMStar.TSV').name).toBe('vlmevalkit-tsv');
    expect(benchLoaderFor('bench.jsonl').name).toBe('unified-jsonl');
    expect(() => benchLoaderFor('bench.csv')).toThrow('bench.csv: no benchmark loader for ".csv" files; known: .tsv (vlmevalkit-tsv), .jsonl (unified-jsonl)');
  });

  it('throws for an unknown name with the valid names', () => {
    expect(() => benchLoaderNamed('parquet')).toThrow('unknown benchmark format "parquet"; valid formats: vlmevalkit-tsv, unified-jsonl');
  });

  it('loads a file with the loader of its extension', async () => {
    expect((await loadBenchmark(fixturePath('unified-mini.jsonl'))).format).toBe('unified-jsonl');
  });
});
