/** The part of a reward row that advantages need (records' RewardRow has it). */
export interface RewardInput {
  readonly sampleId: string;
  readonly groupIndex: number;
  readonly total: number;
}

/** One prompt's completions: the rows' indices in the input, in input order. */
export interface RewardGroup {
  readonly sampleId: string;
  readonly rows: readonly number[];
}

/**
 * The rows grouped by sample_id (groups in order of first appearance), each group checked to have
 * `numGenerations` distinct group_index values. Errors name the sample and what to do.
 */
export function groupRewards(rows: readonly RewardInput[], numGenerations: number, label = 'reward rows'): RewardGroup[] {
  const bySample = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const members = bySample.get(row.sampleId);
    if (members) members.push(index);
    else bySample.set(row.sampleId, [index]);
  });
  const groups: RewardGroup[] = [];
  for (const [sampleId, members] of bySample) {
    const indices = members.map((i) => rows[i].groupIndex);
    const seen = new Set<number>();
    for (const g of indices) {
      if (seen.has(g)) throw new TypeError(`${label}: sample "${sampleId}" has group_index ${g} more than once; each completion of a group needs its own group_index`);
      seen.add(g);
    }
    if (members.length !== numGenerations) {
      throw new TypeError(
        `${label}: sample "${sampleId}" has ${members.length} completion(s) (group_index ${indices.join(', ')}), expected numGenerations = ${numGenerations}; ` +
          'score every completion of a group (unscorable ones with reward 0 and a reason), or set numGenerations to the group size',
      );
    }
    groups.push({ sampleId, rows: members });
  }
  return groups;
}
