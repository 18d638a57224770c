/**
 * The held-out scores of a model card, from an evaluation's results.json: per task type the
 * headline metric and the format compliance, with the settings that produced them.
 *
 *   npx tsx tools/model-card/heldout-scores.ts RESULTS_JSON OUT_JSON
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Estimate {
  readonly mean: number;
  readonly ci: readonly [number, number];
}
interface Group {
  readonly task: string;
  readonly rows: number;
  readonly headline: { readonly label: string; readonly estimate: Estimate | null };
  readonly metrics: readonly { readonly metric: string; readonly estimate: Estimate | null }[];
}

/** How far a re-evaluation may drift from the card (greedy decoding is deterministic on one backend). */
export const CARD_TOLERANCE = 0.05;

export function heldoutScores(results: { readonly tasks: readonly Group[]; readonly settings: unknown }) {
  return {
    tolerance: CARD_TOLERANCE,
    settings: results.settings,
    tasks: Object.fromEntries(
      results.tasks.map((group) => [
        group.task,
        {
          rows: group.rows,
          metric: group.headline.label,
          value: group.headline.estimate?.mean ?? null,
          ci: group.headline.estimate?.ci ?? null,
          format: group.metrics.find((m) => m.metric === 'format')?.estimate?.mean ?? null,
        },
      ]),
    ),
  };
}

if (require.main === module) {
  const [resultsFile, out] = process.argv.slice(2);
  if (!resultsFile || !out) throw new Error('usage: heldout-scores.ts RESULTS_JSON OUT_JSON');
  writeFileSync(out, JSON.stringify(heldoutScores(JSON.parse(readFileSync(resultsFile, 'utf8'))), null, 2) + '\n');
  console.log(`wrote ${out}`);
}
