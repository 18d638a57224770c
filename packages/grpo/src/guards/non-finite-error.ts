/** Where a non-finite value was found: the sample, its completion, the tensor and the position. */
export interface NonFiniteSite {
  readonly sampleId: string;
  /** The completion (group_index); null when the value belongs to the whole group. */
  readonly groupIndex: number | null;
  /** Which tensor: "reward", "policy log-probs", "reference log-probs", "gradient of <variable>". */
  readonly tensor: string;
  /** The completion token's index for log-probs; null otherwise. */
  readonly token: number | null;
  readonly value: number;
}

function describeSite(site: NonFiniteSite): string {
  const completion = site.groupIndex === null ? '' : ` group_index ${site.groupIndex}`;
  const token = site.token === null ? '' : ` completion token ${site.token}`;
  return `${site.tensor} of sample "${site.sampleId}"${completion}${token} is ${site.value}`;
}

/**
 * A NaN or infinite log-prob, reward or gradient stopped the step (onNonFinite: "error"). Names
 * the first offending sites; `groups` lists every group concerned.
 */
export class NonFiniteError extends Error {
  readonly groups: readonly string[];

  constructor(
    readonly stage: string,
    readonly sites: readonly NonFiniteSite[],
  ) {
    const shown = sites.slice(0, 3).map(describeSite).join('; ');
    const more = sites.length > 3 ? ` (and ${sites.length - 3} more)` : '';
    super(`${stage}: ${shown}${more}. Nothing was updated; fix the input, or set onNonFinite: "skip-group" to leave such groups out of the step.`);
    this.name = 'NonFiniteError';
    this.groups = [...new Set(sites.map((s) => s.sampleId))];
  }
}

/** A group left out of a step under onNonFinite: "skip-group", and why. */
export interface SkippedGroup {
  readonly sampleId: string;
  readonly reason: string;
}

export function skippedGroupsOf(error: NonFiniteError): SkippedGroup[] {
  return error.groups.map((sampleId) => {
    const site = error.sites.find((s) => s.sampleId === sampleId) as NonFiniteSite;
    return { sampleId, reason: `${error.stage}: ${describeSite(site)}` };
  });
}
