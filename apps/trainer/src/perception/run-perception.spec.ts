import { join } from 'node:path';
import { changedTensors, fixtureRun, runTrainerCli, savedTensors } from '../testing';
import { MetricsLog } from '../run/metrics-log';

// End to end through the CLI, as `nx run trainer:perceive` runs it (a child process on wasm).
jest.setTimeout(300_000);

function metricsOf(out: string) {
  return new MetricsLog(join(out, 'perception-metrics.jsonl')).read();
}

describe('trainer perceive', () => {
  it('lowers the perception loss, trains the vision tower only, and reports held-out token accuracy', async () => {
    const { config, configFile } = await fixtureRun({ perception: { steps: 12, batchSize: 4, learningRate: 0.005, warmupSteps: 0, validationSamples: 4, validateEvery: 6 } });
    const before = join(config.out, 'before');
    expect(runTrainerCli(['perceive', `--config=${configFile}`, '--perception.steps=0', `--out=${before}`]).status).toBe(0);
    const run = runTrainerCli(['perceive', `--config=${configFile}`]);
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/perceive: 12 steps, last loss [\d.]+, held-out object tokens: shape [\d.]+, colour [\d.]+/);

    const records = metricsOf(config.out);
    const losses = records.map((record) => record.loss as number);
    expect(losses).toHaveLength(12);
    // two heads from near-zero logits start at about ln 6 + ln 9 = 3.99
    expect(losses[0]).toBeCloseTo(Math.log(6) + Math.log(9), 0);
    expect(Math.min(...losses.slice(10))).toBeLessThan(losses[0] - 0.6);
    expect(records.filter((record) => record.validation_object_shape !== undefined).map((record) => record.step)).toEqual([6, 12]);

    const changed = changedTensors(savedTensors(join(before, 'model')), savedTensors(join(config.out, 'model')));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((name) => name.startsWith('visual.'))).toBe(true);
    expect(changed).toContain('visual.patch_embed.proj.weight');
    expect(changed).toContain('visual.merger.mlp.2.weight');
  });

  it('resumes with the same metrics as an uninterrupted run (the head and its moments are in the checkpoint)', async () => {
    const settings = { perception: { steps: 4, batchSize: 2, validationSamples: 4, validateEvery: 2 } };
    const whole = await fixtureRun(settings);
    expect(runTrainerCli(['perceive', `--config=${whole.configFile}`]).status).toBe(0);
    const split = await fixtureRun(settings);
    expect(runTrainerCli(['perceive', `--config=${split.configFile}`, '--stop-after=2']).output).toMatch(/perceive: 2 steps/);
    expect(runTrainerCli(['perceive', `--config=${split.configFile}`, `--resume=${split.config.out}`]).status).toBe(0);
    const keep = (out: string) => metricsOf(out).map((record) => ({ ...record, seconds: null }));
    expect(keep(split.config.out)).toEqual(keep(whole.config.out));
  });

  it('refuses data without scenes, and a resume of an sft run', async () => {
    const { config, configFile } = await fixtureRun();
    const charts = runTrainerCli(['perceive', `--config=${configFile}`, '--data.tasks=chart']);
    expect(charts.status).toBe(1);
    expect(charts.output).toMatch(/no samples with a scene among tasks chart/);
    expect(runTrainerCli(['sft', `--config=${configFile}`, '--sft.steps=2']).status).toBe(0);
    const other = runTrainerCli(['perceive', `--config=${configFile}`, `--resume=${config.out}`]);
    expect(other.status).toBe(1);
    expect(other.output).toMatch(/made by another command or config/);
  });
});
