import type { TaskType } from '@mixed-r1/records';
import type { QuotaSettings } from '../config/engine-config';
import { seededShuffle } from './seeded-order';

/** What the quota choice needs to know of a sample. */
export interface QuotaItem {
  readonly id: string;
  readonly task: TaskType;
  readonly source: string;
}

export interface QuotaUsage {
  readonly quota: number | null;
  readonly available: number;
  readonly kept: number;
}

export interface QuotaChoice<T extends QuotaItem> {
  /** The kept items, in the seeded random order they were chosen in. */
  readonly kept: T[];
  readonly overQuota: { readonly item: T; readonly reason: string }[];
  readonly perTask: Readonly<Record<string, QuotaUsage>>;
  readonly perSource: Readonly<Record<string, QuotaUsage>>;
}

/**
 * Chooses the samples within the quotas: the items are shuffled with `seed`, then taken in that
 * order while their task's quota and their source's cap (if any) have room. Every subset of a
 * task or source is thus a uniformly random sample of what was available; the rest is over quota,
 * with a reason naming the quota.
 */
export function chooseWithinQuotas<T extends QuotaItem>(items: readonly T[], quotas: QuotaSettings, seed: number): QuotaChoice<T> {
  const taskCount = new Map<string, number>();
  const sourceCount = new Map<string, number>();
  const kept: T[] = [];
  const overQuota: { item: T; reason: string }[] = [];
  for (const item of seededShuffle(items, seed)) {
    const inTask = taskCount.get(item.task) ?? 0;
    const inSource = sourceCount.get(item.source) ?? 0;
    const taskQuota = quotas.perTask[item.task];
    const sourceCap = Object.hasOwn(quotas.perSource, item.source) ? quotas.perSource[item.source] : null;
    if (inTask >= taskQuota) {
      overQuota.push({ item, reason: `over quota: the ${item.task} quota of ${taskQuota} is full (quotas.perTask.${item.task})` });
    } else if (sourceCap !== null && inSource >= sourceCap) {
      overQuota.push({ item, reason: `over quota: the cap of ${sourceCap} on source ${item.source} is full (quotas.perSource["${item.source}"])` });
    } else {
      kept.push(item);
      taskCount.set(item.task, inTask + 1);
      sourceCount.set(item.source, inSource + 1);
    }
  }
  return { kept, overQuota, perTask: usage(items, kept, (item) => item.task, (task) => quotas.perTask[task as TaskType]), perSource: usage(items, kept, (item) => item.source, (source) => (Object.hasOwn(quotas.perSource, source) ? quotas.perSource[source] : null)) };
}

function usage<T extends QuotaItem>(items: readonly T[], kept: readonly T[], keyOf: (item: T) => string, quotaOf: (key: string) => number | null): Record<string, QuotaUsage> {
  const available = countBy(items, keyOf);
  const keptCount = countBy(kept, keyOf);
  return Object.fromEntries([...available.keys()].sort().map((key) => [key, { quota: quotaOf(key), available: available.get(key) ?? 0, kept: keptCount.get(key) ?? 0 }]));
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}
