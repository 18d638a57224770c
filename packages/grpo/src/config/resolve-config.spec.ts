import { DEFAULT_GRPO_CONFIG } from './grpo-config';
import { resolveGrpoConfig } from './resolve-config';

describe('resolveGrpoConfig', () => {
  it('gives the defaults of SPEC.md section 3, frozen', () => {
    const config = resolveGrpoConfig();
    expect(config).toEqual(DEFAULT_GRPO_CONFIG);
    expect(config).toMatchObject({ numGenerations: 8, scaleRewards: 'group', advantageEps: 1e-4, epsLow: 0.2, epsHigh: 0.2, beta: 0.04, mu: 1, maxGradNorm: 1 });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.optimizer)).toBe(true);
  });

  it('merges nested settings key by key', () => {
    const config = resolveGrpoConfig({ epsHigh: 0.28, optimizer: { learningRate: 3e-6 }, schedule: { type: 'cosine', warmupSteps: 10, totalSteps: 100 } });
    expect(config.epsHigh).toBe(0.28);
    expect(config.optimizer).toEqual({ ...DEFAULT_GRPO_CONFIG.optimizer, learningRate: 3e-6 });
    expect(config.schedule).toEqual({ type: 'cosine', warmupSteps: 10, totalSteps: 100, minLrRatio: 0 });
  });

  it('rejects G < 2 naming the setting', () => {
    expect(() => resolveGrpoConfig({ numGenerations: 1 }, 'run.json')).toThrow(/^run\.json: numGenerations: expected a whole number >= 2 .*found 1$/);
    expect(() => resolveGrpoConfig({ numGenerations: 2.5 })).toThrow(/numGenerations/);
  });

  it('rejects unknown keys with the valid ones, and unknown names with the registered ones', () => {
    expect(() => resolveGrpoConfig({ clipEps: 0.2 })).toThrow(/clipEps: expected one of the settings numGenerations, .*epsLow/);
    expect(() => resolveGrpoConfig({ optimizer: { lr: 1 } })).toThrow(/optimizer\.lr: expected one of the settings learningRate/);
    expect(() => resolveGrpoConfig({ lossType: 'bnpo' })).toThrow(/lossType: expected one of "grpo", "dapo", "dr_grpo", found "bnpo"/);
    expect(() => resolveGrpoConfig({ scaleRewards: 'std' })).toThrow(/scaleRewards: expected one of "group", "batch", "none"/);
    expect(() => resolveGrpoConfig({ schedule: { type: 'step' } })).toThrow(/schedule\.type: expected one of "constant", "constant_with_warmup", "linear", "cosine"/);
  });

  it('rejects bad values and inconsistent settings', () => {
    expect(() => resolveGrpoConfig({ epsLow: 1 })).toThrow(/epsLow: expected a number in \[0, 1\)/);
    expect(() => resolveGrpoConfig({ beta: -0.1 })).toThrow(/beta/);
    expect(() => resolveGrpoConfig({ mu: 0 })).toThrow(/mu: expected a whole number >= 1/);
    expect(() => resolveGrpoConfig({ microBatchSize: 0 })).toThrow(/microBatchSize: expected a whole number >= 1 or null/);
    expect(() => resolveGrpoConfig({ optimizer: { betas: [0.9] } })).toThrow(/optimizer\.betas/);
    expect(() => resolveGrpoConfig({ freeze: 'visual.' })).toThrow(/freeze: expected a list of variable-name prefixes/);
    expect(() => resolveGrpoConfig({ onNonFinite: 'ignore' })).toThrow(/onNonFinite: expected one of "error", "skip-group"/);
    expect(() => resolveGrpoConfig({ lossType: 'dr_grpo' })).toThrow(/maxCompletionLength: expected the generation limit/);
    expect(() => resolveGrpoConfig({ schedule: { type: 'cosine' } })).toThrow(/schedule\.totalSteps/);
    expect(() => resolveGrpoConfig({ schedule: { warmupSteps: 5 } })).toThrow(/schedule\.warmupSteps: expected 0 with schedule "constant"/);
    expect(() => resolveGrpoConfig({ schedule: { type: 'linear', warmupSteps: 5, totalSteps: 4 } })).toThrow(/warmupSteps: expected at most/);
    expect(() => resolveGrpoConfig([])).toThrow(/an object of GRPO settings/);
  });

  it('accepts null for the optional limits', () => {
    const config = resolveGrpoConfig({ maxGradNorm: null, microBatchSize: 4, lossType: 'dr_grpo', maxCompletionLength: 256 });
    expect(config.maxGradNorm).toBeNull();
    expect(config.microBatchSize).toBe(4);
    expect(config.maxCompletionLength).toBe(256);
  });
});
