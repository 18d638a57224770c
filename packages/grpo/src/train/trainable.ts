import type * as tf from '@tensorflow/tfjs-core';
import { GrpoConfigError } from '../config/config-error';

/**
 * The variables the optimizer updates: trainable ones whose name starts with none of the `freeze`
 * prefixes (as the peers freeze the vision tower: `visual.`). A prefix that matches no variable is
 * an error (a misspelt prefix would silently train everything), as is nothing left to train.
 */
export function selectTrainable(variables: ReadonlyMap<string, tf.Variable>, freeze: readonly string[], origin = 'grpo config'): Map<string, tf.Variable> {
  const names = [...variables.keys()];
  for (const prefix of freeze) {
    if (!names.some((name) => name.startsWith(prefix))) {
      const tops = [...new Set(names.map((n) => `${n.split('.')[0]}.`))].slice(0, 8);
      throw new GrpoConfigError(origin, 'freeze', `prefixes of the policy's variable names (they start with ${tops.join(', ')})`, prefix);
    }
  }
  const selected = new Map([...variables].filter(([name, v]) => v.trainable && !freeze.some((prefix) => name.startsWith(prefix))));
  if (selected.size === 0) throw new GrpoConfigError(origin, 'freeze', 'prefixes that leave at least one trainable variable', freeze);
  return selected;
}
