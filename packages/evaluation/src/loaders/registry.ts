import path from 'node:path';
import type { LoadedBench } from '../bench/bench-row';
import { BenchFileError, type BenchLoader, type LoadOptions } from './bench-loader';
import { unifiedJsonlLoader } from './unified-jsonl-loader';
import { vlmEvalKitTsvLoader } from './vlmevalkit-tsv-loader';

/** Every benchmark loader, by name: the one place loaders are registered. */
export const BENCH_LOADERS: Readonly<Record<string, BenchLoader>> = Object.freeze({
  [vlmEvalKitTsvLoader.name]: vlmEvalKitTsvLoader,
  [unifiedJsonlLoader.name]: unifiedJsonlLoader,
});

export const BENCH_LOADER_NAMES = Object.keys(BENCH_LOADERS);

/** A loader by name; an unknown name throws with the valid names. */
export function benchLoaderNamed(name: string): BenchLoader {
  const loader = BENCH_LOADERS[name];
  if (!loader) throw new Error(`unknown benchmark format "${name}"; valid formats: ${BENCH_LOADER_NAMES.join(', ')}`);
  return loader;
}

/** The loader for a file, by its extension; an unknown extension throws with the known ones. */
export function benchLoaderFor(file: string): BenchLoader {
  const extension = path.extname(file).toLowerCase();
  const loader = Object.values(BENCH_LOADERS).find((candidate) => candidate.extensions.includes(extension));
  if (!loader) {
    const known = Object.values(BENCH_LOADERS).map((candidate) => `${candidate.extensions.join('/')} (${candidate.name})`);
    throw new BenchFileError(file, `no benchmark loader for "${extension || '(no extension)'}" files; known: ${known.join(', ')}`);
  }
  return loader;
}

/** Reads a benchmark file with the loader its extension names. */
export function loadBenchmark(file: string, options: LoadOptions = {}): Promise<LoadedBench> {
  return benchLoaderFor(file).load(file, options);
}
