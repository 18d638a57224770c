import * as tf from '@tensorflow/tfjs-core';
import { TASK_TYPES } from '@mixed-r1/records';
import { Weights, type PolicyParameters } from '@mixed-r1/policy';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards } from '../data/sample-store';
import { startingPolicy } from '../run/starting-policy';
import { sftExample, type SftExample } from '../sft/sft-example';
import { sftLoss } from '../sft/sft-loss';

/** What one decoder attention head is worth: the supervised loss with its output removed. */
export interface HeadAblationRow {
  readonly layer: number;
  readonly head: number;
  readonly loss: number;
  /** `loss` minus the intact model's. */
  readonly increase: number;
}

function meanLoss(params: PolicyParameters, examples: readonly SftExample[]): number {
  const weights = Weights.frozen(params);
  try {
    return examples.reduce((sum, example) => sum + tf.tidy(() => sftLoss(weights, [example]).dataSync()[0] as number), 0) / examples.length;
  } finally {
    weights.dispose();
  }
}

/**
 * Head ablation (zero-ablation, as in Michel et al. 2019, "Are Sixteen Heads Really Better than
 * One?"): for each query head of each decoder layer, the mean supervised loss of `examples` with
 * that head's output removed, i.e. its head_dim input columns of o_proj zeroed. The policy's
 * parameters are restored after each head. A head the loss barely misses is the cheapest to give a
 * new job (e.g. the referent-attention objective's).
 */
export function headAblation(params: PolicyParameters, examples: readonly SftExample[]): { intact: number; rows: HeadAblationRow[] } {
  if (examples.length === 0) throw new Error('headAblation: no examples');
  const { numHiddenLayers, numAttentionHeads, headDim } = params.config.text;
  const intact = meanLoss(params, examples);
  const rows: HeadAblationRow[] = [];
  for (let layer = 0; layer < numHiddenLayers; layer++) {
    const outProjection = params.get(`model.layers.${layer}.self_attn.o_proj.weight`);
    const inputs = numAttentionHeads * headDim;
    for (let head = 0; head < numAttentionHeads; head++) {
      const kept = tf.clone(outProjection);
      try {
        // HF Linear weights are [out, in]; o_proj's input is the heads' outputs side by side.
        const columns = new Float32Array(inputs).fill(1).fill(0, head * headDim, (head + 1) * headDim);
        outProjection.assign(tf.tidy(() => tf.mul(kept, tf.tensor1d(columns))));
        const loss = meanLoss(params, examples);
        rows.push({ layer, head, loss, increase: loss - intact });
      } finally {
        outProjection.assign(kept);
        kept.dispose();
      }
    }
  }
  return { intact, rows };
}

/** Head ablation of the run's model on the first `perTask` samples of each task type of `data.dir`, with the run's SFT target. */
export async function runHeadAblation(config: TrainerConfig, perTask: number): Promise<{ intact: number; rows: HeadAblationRow[] }> {
  const policy = startingPolicy(config, { trainable: false });
  const images = new ImagePreparer(config.image);
  const samples = readSampleShards(config.data.dir, config.data.tasks);
  const chosen = TASK_TYPES.flatMap((task) => samples.filter((sample) => sample.task === task).slice(0, perTask));
  const examples = await Promise.all(chosen.map((sample) => sftExample(sample, policy, images, config.sft)));
  const result = headAblation(policy.params, examples);
  policy.dispose();
  return result;
}

/** The result as a Markdown table: one row per layer, one column per head, the loss increase when it is removed. */
export function headAblationTable({ intact, rows }: { intact: number; rows: readonly HeadAblationRow[] }): string {
  const heads = Math.max(...rows.map((row) => row.head)) + 1;
  const layers = Math.max(...rows.map((row) => row.layer)) + 1;
  const header = `| layer | ${Array.from({ length: heads }, (_, h) => `head ${h}`).join(' | ')} |`;
  const rule = `|---|${'---|'.repeat(heads)}`;
  const lines = Array.from({ length: layers }, (_, layer) => {
    const cells = rows.filter((row) => row.layer === layer).map((row) => `+${row.increase.toFixed(4)}`);
    return `| ${layer} | ${cells.join(' | ')} |`;
  });
  return [`supervised loss of the intact model: ${intact.toFixed(4)}; increase with each head removed:`, '', header, rule, ...lines].join('\n');
}
