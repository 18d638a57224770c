import { join } from 'node:path';
import { initParameters, Policy, PolicyTokenizer, tinyConfig } from '@mixed-r1/policy';
import type { TrainerConfig } from '../config/trainer-config';

/**
 * The policy a run starts from: the checkpoint in `model`, or (initialize = 'tiny') random weights
 * of the tiny configuration, seeded by the run's seed, with the tokenizer in `model`.
 */
export function startingPolicy(config: TrainerConfig, options: { trainable: boolean }): Policy {
  if (config.initialize === 'checkpoint') return Policy.load(config.model, options);
  const tokenizer = PolicyTokenizer.fromFile(join(config.model, 'tokenizer.json'));
  return new Policy(initParameters(tinyConfig(), { seed: config.seed, trainable: options.trainable }), tokenizer);
}
