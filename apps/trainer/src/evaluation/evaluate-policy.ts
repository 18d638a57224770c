import { join } from 'node:path';
import { evaluate, type EvaluateResult } from '@mixed-r1/evaluation';
import type { TrainerConfig } from '../config/trainer-config';
import { writeBenchSubset } from './bench-subset';

/**
 * Held-out evaluation of a checkpoint folder through the evaluation package: the benchmark subset
 * of the run, greedy decoding, the training preprocessing, BMAS (when enabled) with the starting
 * model's embeddings, the same table before and after. Writes predictions, scores, results.json/.md and report.html under `out`.
 */
export async function evaluatePolicy(modelDir: string, out: string, config: TrainerConfig, embeddingsDir: string): Promise<EvaluateResult> {
  const bench = join(config.out, 'bench-subset.tsv');
  writeBenchSubset(config.data.bench, config.evaluation.perTask, bench);
  return evaluate({
    benches: [bench],
    out,
    model: modelDir,
    ...(config.rewards.enabled.includes('bmas') ? { embeddings: config.rewards.embeddings ?? embeddingsDir } : {}),
    batchSize: config.evaluation.batchSize,
    generation: { maxNewTokens: config.evaluation.maxNewTokens },
    minPixels: config.image.minPixels,
    maxPixels: config.image.maxPixels,
    backend: config.backend,
    progress: true,
  });
}
