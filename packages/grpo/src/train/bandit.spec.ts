import { seededRandom } from '@mixed-r1/records/testing';
import { computeAdvantages } from '../advantages/compute-advantages';
import { trainingBatch } from '../batch/training-batch';
import { resolveGrpoConfig } from '../config/resolve-config';
import { useCpuBackend } from '../spec-helpers';
import { sampleTable, TablePolicy, type TableSequence, type TableValues } from '../testing';
import { GrpoOptimizer } from './grpo-optimizer';

beforeAll(useCpuBackend);

// A bandit over token sequences: 4 tokens, completions of 3, reward 1 for one target sequence only.
const VOCAB = 4;
const LENGTH = 3;
const TARGET = [1, 3, 2];
const PROMPT = [0];
const PROMPTS_PER_STEP = 4;
const G = 8;
const MAX_STEPS = 60;

/** The exact probability of the target under the table policy: the expected reward. */
function expectedReward(values: TableValues): number {
  let p = 1;
  let previous = PROMPT[PROMPT.length - 1];
  TARGET.forEach((token, t) => {
    const logits = Array.from({ length: VOCAB }, (_, j) => values.position[t * VOCAB + j] + values.transition[previous * VOCAB + j]);
    const z = logits.reduce((s, l) => s + Math.exp(l), 0);
    p *= Math.exp(logits[token]) / z;
    previous = token;
  });
  return p;
}

describe('GRPO on a toy bandit', () => {
  it('raises the expected reward from chance (1/64) to above 0.9 within a bounded number of steps', () => {
    const policy = new TablePolicy(VOCAB, LENGTH, { position: new Float32Array(LENGTH * VOCAB), transition: new Float32Array(VOCAB * VOCAB) });
    const config = resolveGrpoConfig({ numGenerations: G, beta: 0, optimizer: { learningRate: 0.1, weightDecay: 0 } });
    const optimizer = new GrpoOptimizer({ policy, config });
    const random = seededRandom(2025);
    expect(expectedReward(policy.values())).toBeCloseTo(1 / 64, 6);
    let steps = 0;
    let reward = 0;
    while (steps < MAX_STEPS && reward <= 0.9) {
      const values = policy.values();
      const sequences: TableSequence[] = [];
      for (let p = 0; p < PROMPTS_PER_STEP; p++) {
        for (let g = 0; g < G; g++) {
          sequences.push({ sampleId: `step${steps}-prompt${p}`, groupIndex: g, promptTokenIds: PROMPT, completionTokenIds: sampleTable(values, VOCAB, LENGTH, PROMPT[0], random) });
        }
      }
      const rewards = sequences.map((s) => ({ sampleId: s.sampleId, groupIndex: s.groupIndex, total: TARGET.every((t, i) => s.completionTokenIds[i] === t) ? 1 : 0 }));
      optimizer.step(trainingBatch(sequences, computeAdvantages(rewards, config)));
      steps += 1;
      reward = expectedReward(policy.values());
    }
    expect(reward).toBeGreaterThan(0.9);
    expect(steps).toBeLessThan(MAX_STEPS);
    optimizer.dispose();
    policy.dispose();
  });
});
