import { join } from 'node:path';
import { evaluate, type EvaluateResult } from '@mixed-r1/evaluation';
import type { TrainerConfig } from '../config/trainer-config';
import { writeBenchSubset } from './bench-subset';

/**
 * Held-out evaluation of a checkpoint folder through the evaluation package: the benchmark subset
 * of the run, greedy decoding, the training preprocessing, BMAS with the starting model's
 * embeddings. Writes predictions, scores, results.json/.md and report.html under `out`.
 */
export async function evaluatePolicy(modelDir: string, out: string, config: TrainerConfig): Promise<EvaluateResult> {
  const bench = join(config.out, 'bench-subset.tsv');
  writeBenchSubset(config.data.bench, config.evaluation.perTask, bench);
  return evaluate({
    benches: [bench],
    out,
    model: modelDir,
    embeddings: config.rewards.embeddings ?? config.model,
    batchSize: config.evaluation.batchSize,
    generation: { maxNewTokens: config.evaluation.maxNewTokens },
    minPixels: config.image.minPixels,
    maxPixels: config.image.maxPixels,
    backend: config.backend,
    progress: true,
  });
}
