import { writePassRates, type PassRateRow } from '@mixed-r1/data-engine';
import { Rng } from '@mixed-r1/policy';
import { startingPolicy } from '../run/starting-policy';
import { buildBatch, ProgressBar, rewardSchema, rowsFromBatch, sampleSchema, type RewardRow } from '@mixed-r1/records';
import type { TrainerConfig } from '../config/trainer-config';
import { ImagePreparer } from '../data/image-inputs';
import { readSampleShards } from '../data/sample-store';
import { preparePrompts } from '../grpo/prepared-prompt';
import { CORRECT_AT } from '../grpo/reward-metrics';
import { rewardConfigOf } from '../grpo/grpo-settings';
import { rollOut } from '../grpo/roll-out';
import { scoreRollouts } from '../grpo/score-stage';

export interface PassRateOptions {
  readonly config: TrainerConfig;
  /** How many samples (from the start of the shards) and how many completions each. */
  readonly samples: number;
  readonly k: number;
  readonly out: string;
}

function passed(row: RewardRow): boolean {
  const value = row.matching ?? row.chart ?? row.iou ?? row.bmas;
  return value !== null && value >= CORRECT_AT;
}

/**
 * The pass-rate file of the data engine's difficulty filter: k sampled completions per sample
 * from the policy, the share that solve it (task reward >= 0.5), as Arrow (sample_id, pass_rate, k).
 */
export async function runPassRate(options: PassRateOptions): Promise<PassRateRow[]> {
  const { config } = options;
  const policy = startingPolicy(config, { trainable: false });
  const images = new ImagePreparer(config.image);
  const samples = readSampleShards(config.data.dir, config.data.tasks).slice(0, options.samples);
  const rewardConfig = rewardConfigOf({ ...config, rewards: { ...config.rewards, enabled: config.rewards.enabled.filter((name) => name !== 'bmas') } });
  const rng = Rng.fromSeed(config.seed);
  const settings = { ...config.grpo, groupSize: options.k };
  const rows: PassRateRow[] = [];
  const progress = new ProgressBar('pass-rate', samples.length);
  for (let start = 0; start < samples.length; start += config.grpo.promptsPerStep) {
    const chunk = samples.slice(start, start + config.grpo.promptsPerStep);
    const prepared = await preparePrompts(chunk, policy, images);
    const rollouts = rollOut(policy, prepared, settings, rng);
    const inputSizes = new Map(prepared.map((p) => [p.sample.id, p.inputSize] as const));
    const rewards = rowsFromBatch(rewardSchema, scoreRollouts(rollouts, buildBatch(sampleSchema, chunk), inputSizes, rewardConfig, { similarity: null }));
    for (const sample of chunk) {
      const own = rewards.filter((row) => row.sampleId === sample.id);
      rows.push({ sampleId: sample.id, passRate: own.filter(passed).length / own.length, k: own.length });
    }
    progress.tick(chunk.length);
  }
  progress.finish();
  writePassRates(options.out, rows);
  policy.dispose();
  return rows;
}
