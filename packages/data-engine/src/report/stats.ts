import type { Rejection } from '../candidate';
import type { SampleMeta } from '../pipeline/stream-stage';
import type { Manifest } from './manifest';

/** What the stats pages are made from. */
export interface StatsInput {
  readonly manifest: Manifest;
  /** The written samples' metadata. */
  readonly samples: readonly SampleMeta[];
  readonly rejections: readonly Rejection[];
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Rejections grouped by stage and reason kind (the reason's text before its first colon). */
export interface ReasonRow {
  readonly stage: string;
  readonly kind: string;
  readonly count: number;
  /** One full reason of the group, and its input. */
  readonly example: string;
  readonly exampleRef: string;
}

export interface Stats {
  readonly byTask: readonly [string, number][];
  readonly bySource: readonly [string, number][];
  readonly widths: readonly HistogramBin[];
  readonly heights: readonly HistogramBin[];
  readonly meanImageBytes: number;
  readonly reasons: readonly ReasonRow[];
}

const MAX_KIND_LENGTH = 60;

export function computeStats({ manifest, samples, rejections }: StatsInput): Stats {
  return {
    byTask: Object.entries(manifest.counts.byTask),
    bySource: Object.entries(manifest.counts.bySource).sort(([, a], [, b]) => b - a),
    widths: histogram(samples.map((sample) => sample.width)),
    heights: histogram(samples.map((sample) => sample.height)),
    meanImageBytes: samples.length ? samples.reduce((sum, sample) => sum + sample.imageBytes, 0) / samples.length : 0,
    reasons: reasonRows(rejections),
  };
}

/** The reason's kind: its text before the first colon, at most 60 characters. */
export function reasonKind(reason: string): string {
  const colon = reason.indexOf(':');
  const kind = colon > 0 ? reason.slice(0, colon) : reason;
  return kind.length > MAX_KIND_LENGTH ? `${kind.slice(0, MAX_KIND_LENGTH - 3)}...` : kind;
}

function reasonRows(rejections: readonly Rejection[]): ReasonRow[] {
  const groups = new Map<string, { stage: string; kind: string; count: number; example: string; exampleRef: string }>();
  for (const rejection of rejections) {
    const kind = reasonKind(rejection.reason);
    const key = `${rejection.stage}\u0000${kind}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { stage: rejection.stage, kind, count: 1, example: rejection.reason, exampleRef: rejection.inputRef });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
}

/** About 16 bins of a round width (a multiple of 8 px) spanning the values. */
export function histogram(values: readonly number[]): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) [min, max] = [Math.min(min, value), Math.max(max, value)];
  const width = Math.max(8, Math.ceil((max - min + 1) / 16 / 8) * 8);
  const start = Math.floor(min / width) * width;
  const bins = Array.from({ length: Math.floor((max - start) / width) + 1 }, (_, i) => ({ from: start + i * width, to: start + (i + 1) * width, count: 0 }));
  for (const value of values) bins[Math.floor((value - start) / width)].count++;
  return bins;
}
