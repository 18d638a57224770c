// Helpers for the source adapters' specs.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CandidateSample, Rejection } from '../candidate';
import type { SourceConfig } from '../source-adapter';
import { sourceFixture } from '../testing/fixtures/sources';
import { adapterNamed } from './registry';

/** What a source yields, split into samples (with where each came from) and rejections, in order. */
export interface Collected {
  readonly samples: (CandidateSample & { readonly inputRef: string })[];
  readonly rejections: Rejection[];
}

export async function collect(source: SourceConfig): Promise<Collected> {
  const samples: Collected['samples'] = [];
  const rejections: Rejection[] = [];
  for await (const item of adapterNamed(source.adapter).read(source)) {
    if ('sample' in item) samples.push({ ...item.sample, inputRef: item.inputRef });
    else rejections.push(item.rejection);
  }
  return { samples, rejections };
}

/** The real path of a fixture file, as adapters give image paths. */
export const realFixture = (adapter: string, ...path: string[]): string => realpathSync(sourceFixture(adapter, ...path));

/** A fresh folder under the system's temporary folder, and a way to remove it. */
export function temporaryFolder(): { path: string; remove: () => void } {
  const path = realpathSync(mkdtempSync(join(tmpdir(), 'mixed-r1-sources-')));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The fields every candidate sample has, with their defaults: a base for hand-written expectations. */
export const NO_EXTRAS = {
  options: null,
  answerBox: null,
  imageBytes: null,
  imagePath: null,
  solution: null,
  metadata: null,
} as const;
