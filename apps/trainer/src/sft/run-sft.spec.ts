import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { changedTensors, fixtureRun, runTrainerCli, savedTensors } from '../testing';
import { MetricsLog } from '../run/metrics-log';
import { readSampleShards, splitValidation } from '../data/sample-store';
import { answerGroupOf } from './answer-group';

// End to end through the CLI, as `nx run trainer:sft` runs it (a child process on wasm: the
// tensor kernels are far slower inside jest's sandbox).
jest.setTimeout(300_000);

function metricsOf(out: string) {
  return new MetricsLog(join(out, 'sft-metrics.jsonl')).read();
}

describe('trainer sft', () => {
  it('lowers the loss over a few steps from random weights and saves the model', async () => {
    const { config, configFile } = await fixtureRun({ sft: { steps: 6, learningRate: 0.005 } });
    const run = runTrainerCli(['sft', `--config=${configFile}`]);
    expect(run.output).toMatch(/sft: 6 steps/);
    expect(run.status).toBe(0);
    const losses = metricsOf(config.out).map((record) => record.loss as number);
    expect(losses).toHaveLength(6);
    expect(losses[5]).toBeLessThan(losses[0] - 0.5);
    expect(runTrainerCli(['sft', `--config=${configFile}`, '--sft.steps=0', '--initialize=checkpoint', `--model=${join(config.out, 'model')}`, `--out=${join(config.out, 'again')}`]).status).toBe(0);
    // With no steps, the run validates the model it starts from: the trained model's figures at step 0.
    const trained = metricsOf(config.out).at(-1) as Record<string, number>;
    const again = metricsOf(join(config.out, 'again'));
    expect(again.map((record) => record.step)).toEqual([0]);
    expect(again[0].validation_loss).toBeCloseTo(trained.validation_loss, 4);
    expect(again[0].validation_answer_accuracy).toBe(trained.validation_answer_accuracy);

    // The validation answer accuracy per group (task type / question kind of the metadata): one
    // entry per group of the held-out samples, and their mean weighted by the group sizes is the
    // overall figure.
    const { validation } = splitValidation(readSampleShards(config.data.dir, config.data.tasks), config.data.validationSamples);
    const sizes = new Map<string, number>();
    for (const sample of validation) sizes.set(answerGroupOf(sample), (sizes.get(answerGroupOf(sample)) ?? 0) + 1);
    const last = metricsOf(config.out).at(-1) as Record<string, number>;
    const prefix = 'validation_answer_accuracy/';
    const groups = Object.keys(last).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
    expect(groups.sort()).toEqual([...sizes.keys()].sort());
    expect(groups.some((group) => group.includes('/'))).toBe(true);
    const weighted = groups.reduce((sum, group) => sum + last[prefix + group] * (sizes.get(group) as number), 0) / validation.length;
    expect(weighted).toBeCloseTo(last.validation_answer_accuracy, 10);
  });

  it('resumes with the same metrics as an uninterrupted run', async () => {
    const whole = await fixtureRun({ sft: { steps: 4 } });
    expect(runTrainerCli(['sft', `--config=${whole.configFile}`]).status).toBe(0);
    const split = await fixtureRun({ sft: { steps: 4 } });
    const first = runTrainerCli(['sft', `--config=${split.configFile}`, '--stop-after=2']);
    expect(first.output).toMatch(/sft: 2 steps/);
    expect(runTrainerCli(['sft', `--config=${split.configFile}`, `--resume=${split.config.out}`]).status).toBe(0);
    const keep = (out: string) => metricsOf(out).map(({ step, loss, grad_norm, learning_rate, validation_loss }) => ({ step, loss, grad_norm, learning_rate, validation_loss }));
    expect(keep(split.config.out)).toEqual(keep(whole.config.out));
  });

  it('with sft.freezeVision=true leaves every vision tensor as it was and trains the rest', async () => {
    const { config, configFile } = await fixtureRun({ sft: { steps: 2 } });
    const before = join(config.out, 'before');
    expect(runTrainerCli(['sft', `--config=${configFile}`, '--sft.steps=0', `--out=${before}`]).status).toBe(0);
    expect(runTrainerCli(['sft', `--config=${configFile}`, '--sft.freezeVision=true']).status).toBe(0);
    const changed = changedTensors(savedTensors(join(before, 'model')), savedTensors(join(config.out, 'model')));
    expect(changed).toContain('model.embed_tokens.weight');
    expect(changed.filter((name) => name.startsWith('visual.'))).toEqual([]);
  });

  it('with sft.localisationWeight trains the localisation head: its box error falls, and resuming (head and optimiser state saved) changes nothing', async () => {
    const settings = { sft: { steps: 6, learningRate: 0.01, localisationWeight: 1, localisationAnswerWeight: 1, validateEvery: 2 } };
    const whole = await fixtureRun(settings);
    expect(runTrainerCli(['sft', `--config=${whole.configFile}`]).status).toBe(0);
    const errors = metricsOf(whole.config.out).flatMap((record) => (record.validation_box_error_pixels === undefined ? [] : [record.validation_box_error_pixels as number]));
    expect(errors).toHaveLength(3);
    // An untrained head says about 0 (the frame's corner) for every coordinate: tens of pixels off.
    expect(errors[2]).toBeLessThan(0.7 * errors[0]);
    const split = await fixtureRun(settings);
    expect(runTrainerCli(['sft', `--config=${split.configFile}`, '--stop-after=3']).status).toBe(0);
    expect(existsSync(join(split.config.out, 'checkpoints', 'step-000003', 'localisation_head.safetensors'))).toBe(true);
    expect(runTrainerCli(['sft', `--config=${split.configFile}`, `--resume=${split.config.out}`]).status).toBe(0);
    const keep = (out: string) =>
      metricsOf(out).map(({ step, loss, grad_norm, validation_box_error_pixels, validation_answer_box_error_pixels }) => ({ step, loss, grad_norm, validation_box_error_pixels, validation_answer_box_error_pixels }));
    expect(keep(split.config.out)).toEqual(keep(whole.config.out));
  });

  /** Six steps of the referent-attention objective with `settings`: the run's config file and its validation masses, one per step. */
  async function referentRun(settings: Record<string, unknown>): Promise<{ configFile: string; masses: number[] }> {
    const { config, configFile } = await fixtureRun({ sft: { steps: 6, learningRate: 0.01, referentAttentionWeight: 1, validateEvery: 1, ...settings } });
    expect(runTrainerCli(['sft', `--config=${configFile}`]).status).toBe(0);
    const masses = metricsOf(config.out).flatMap((record) => (record.validation_referent_attention_mass === undefined ? [] : [record.validation_referent_attention_mass as number]));
    expect(masses).toHaveLength(6);
    return { configFile, masses };
  }

  it('with sft.referentAttentionWeight trains its head to look at the objects a text names', async () => {
    const { configFile, masses } = await referentRun({ referentAttentionLayer: 1 });
    // A random head spreads each row over the ~100 tokens before it, a few of which show the named
    // objects: a mass of a few hundredths. Six steps on -log(mass) multiply it (measured: 0.016 -> 0.108).
    expect(masses[0]).toBeGreaterThan(0);
    expect(masses[0]).toBeLessThan(0.05);
    expect(masses[5]).toBeGreaterThan(4 * masses[0]);
    const bad = runTrainerCli(['sft', `--config=${configFile}`, '--sft.referentAttentionHead=4']);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/setting "sft.referentAttentionHead" \(4\) is not a head of the decoder's 4/);
  });

  it('with sft.referentAttentionTargets=question trains its head to look from each reasoning token at its copy in the question', async () => {
    const { configFile, masses } = await referentRun({ referentAttentionLayer: 1, referentAttentionTargets: 'question' });
    // Most reasoning tokens have no copy in the question and look at the first token, one key among
    // the ~100 before them: a random head gives each target about 1/100. Six steps raise the mean mass
    // several times over.
    expect(masses[0]).toBeLessThan(0.1);
    expect(masses[5]).toBeGreaterThan(3 * masses[0]);
    const bad = runTrainerCli(['sft', `--config=${configFile}`, '--sft.referentAttentionTargets=image']);
    expect(bad.status).toBe(1);
    expect(bad.output).toMatch(/sft.referentAttentionTargets/);
  });

  it('with sft.referentAttentionTargets=answer trains its head to look from the answer at the objects the question names', async () => {
    const { masses } = await referentRun({ referentAttentionLayer: 2, referentAttentionTargets: 'answer' });
    // An answer token's keys are the few image tokens of the question's objects (or one sink
    // token) among the ~100 before it: a random head puts a few hundredths on them.
    expect(masses[0]).toBeLessThan(0.1);
    expect(masses[5]).toBeGreaterThan(3 * masses[0]);
  });

  it('refuses a localisation layer with no decoder layer above it, and an answer read-out without the objective', async () => {
    const { configFile } = await fixtureRun({ sft: { steps: 1, localisationWeight: 1, localisationLayer: 3 } });
    const run = runTrainerCli(['sft', `--config=${configFile}`]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/setting "sft.localisationLayer" \(3\) must be below the decoder's last layer \(3\)/);
    const answerAlone = runTrainerCli(['sft', `--config=${configFile}`, '--sft.localisationWeight=0', '--sft.localisationAnswerWeight=1']);
    expect(answerAlone.status).toBe(1);
    expect(answerAlone.output).toMatch(/"sft.localisationAnswerWeight" needs the localisation objective on/);
  });

  it('refuses to resume with different settings, naming the reason', async () => {
    const { config, configFile } = await fixtureRun({ sft: { steps: 2 } });
    expect(runTrainerCli(['sft', `--config=${configFile}`]).status).toBe(0);
    const other = runTrainerCli(['sft', `--config=${configFile}`, '--seed=99', `--resume=${config.out}`]);
    expect(other.status).toBe(1);
    expect(other.output).toMatch(/different config/);
  });
});
