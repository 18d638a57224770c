/** A group of samples with the same image hash and question: the first is kept, the rest rejected. */
export interface DuplicateCluster {
  readonly keptId: string;
  readonly duplicateIds: readonly string[];
  readonly hash: string;
  readonly question: string;
}

/** Summary for the manifest and the stats: how many clusters, their sizes, a few examples. */
export interface DedupSummary {
  readonly clusters: number;
  readonly duplicates: number;
  /** Cluster size (kept + duplicates) -> number of clusters. */
  readonly sizes: Readonly<Record<string, number>>;
  readonly examples: readonly DuplicateCluster[];
}

/**
 * Exact duplicates by (perceptual image hash, normalised question), in input order: the first
 * sample of a key is kept, every later one is a duplicate of it. Holds one key per kept sample.
 */
export class Deduplicator {
  private readonly firstByKey = new Map<string, string>();
  private readonly clustersByKept = new Map<string, { hash: string; question: string; duplicateIds: string[] }>();

  /** The id of the sample `id` duplicates, or null when it is the first of its key (and is now kept). */
  check(id: string, hash: string, questionKey: string): string | null {
    const key = `${hash}\u0000${questionKey}`;
    const kept = this.firstByKey.get(key);
    if (kept === undefined) {
      this.firstByKey.set(key, id);
      return null;
    }
    const cluster = this.clustersByKept.get(kept);
    if (cluster) cluster.duplicateIds.push(id);
    else this.clustersByKept.set(kept, { hash, question: questionKey, duplicateIds: [id] });
    return kept;
  }

  clusters(): DuplicateCluster[] {
    return [...this.clustersByKept].map(([keptId, cluster]) => ({ keptId, ...cluster }));
  }

  summary(exampleCount = 5): DedupSummary {
    const clusters = this.clusters();
    const sizes: Record<string, number> = {};
    for (const cluster of clusters) {
      const size = String(cluster.duplicateIds.length + 1);
      sizes[size] = (sizes[size] ?? 0) + 1;
    }
    const largestFirst = [...clusters].sort((a, b) => b.duplicateIds.length - a.duplicateIds.length || (a.keptId < b.keptId ? -1 : 1));
    return {
      clusters: clusters.length,
      duplicates: clusters.reduce((sum, cluster) => sum + cluster.duplicateIds.length, 0),
      sizes,
      examples: largestFirst.slice(0, exampleCount).map((cluster) => ({ ...cluster, duplicateIds: cluster.duplicateIds.slice(0, 10) })),
    };
  }
}
