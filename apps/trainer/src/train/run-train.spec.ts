import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readPassRates } from '@mixed-r1/data-engine';
import { join } from 'node:path';
import { fixtureRun, runTrainerCli } from '../testing';
import { MetricsLog } from '../run/metrics-log';

// End to end through the CLI, as `nx run trainer:train` runs it, on a tiny setting.
jest.setTimeout(600_000);

const SMALL = {
  grpo: { steps: 2, promptsPerStep: 2, groupSize: 2, maxNewTokens: 8, learningRate: 0.001 },
  rewards: { enabled: ['format', 'matching', 'chart', 'iou'] },
  evaluation: { perTask: 1, maxNewTokens: 8 },
  checkpoint: { every: 1 },
};

describe('trainer train', () => {
  let run: Awaited<ReturnType<typeof fixtureRun>>;
  let output = '';

  beforeAll(async () => {
    run = await fixtureRun(SMALL);
    const result = runTrainerCli(['train', `--config=${run.configFile}`, `--dump-batches=${join(run.dir, 'dump')}`]);
    output = result.output;
    expect({ status: result.status, output: result.status === 0 ? '' : output }).toEqual({ status: 0, output: '' });
  });

  it('logs per-task rewards, KL, clip fraction and stage timings for every step', () => {
    const records = new MetricsLog(join(run.config.out, 'metrics.jsonl')).read();
    expect(records.map((r) => r.step)).toEqual([1, 2]);
    for (const record of records) {
      expect(typeof record.reward).toBe('number');
      expect(typeof record.kl).toBe('number');
      expect(typeof record.clip_fraction).toBe('number');
      expect(Object.keys(record).some((key) => key.startsWith('accuracy/'))).toBe(true);
      expect((record.seconds_generation as number) > 0 && (record.seconds_update as number) > 0).toBe(true);
    }
  });

  it('evaluates before and after, compares them and writes the HTML report', () => {
    expect(existsSync(join(run.config.out, 'eval-before', 'results.json'))).toBe(true);
    expect(existsSync(join(run.config.out, 'eval-after', 'results.json'))).toBe(true);
    expect(output).toMatch(/\| all benchmarks \| accuracy \|/);
    const html = readFileSync(join(run.config.out, 'report.html'), 'utf8');
    expect(html).toMatch(/<svg[^>]*aria-label="Reward per task"/);
    expect(html).toMatch(/Held-out evaluation, before and after/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('dumps every batch of every step, and each replayable stage reproduces its dump', () => {
    const steps = readdirSync(join(run.dir, 'dump')).sort();
    expect(steps).toEqual(['step-000001', 'step-000002']);
    for (const stage of ['score', 'advantages']) {
      const replay = runTrainerCli(['replay', `--config=${run.configFile}`, `--stage=${stage}`, `--dir=${join(run.dir, 'dump', steps[1])}`]);
      expect(replay.output).toMatch(new RegExp(`replay ${stage}: all 4 rows equal the dumped batch`));
      expect(replay.status).toBe(0);
    }
  });

  it('resumes with identical results to the uninterrupted run', async () => {
    const split = await fixtureRun({ ...SMALL, evaluation: { perTask: 0 } });
    expect(runTrainerCli(['train', `--config=${split.configFile}`, '--stop-after=1']).status).toBe(0);
    expect(runTrainerCli(['train', `--config=${split.configFile}`, `--resume=${split.config.out}`]).status).toBe(0);
    const keep = (out: string) =>
      new MetricsLog(join(out, 'metrics.jsonl')).read().map(({ step, reward, loss, kl, grad_norm }) => ({ step, reward, loss, kl, grad_norm }));
    expect(keep(split.config.out)).toEqual(keep(run.config.out));
  });
});

describe('trainer pass-rate', () => {
  it('writes the pass-rate file the data engine reads, one row per sample with k completions', async () => {
    const run = await fixtureRun({ ...SMALL, grpo: { ...SMALL.grpo } });
    const file = join(run.dir, 'pass-rates.arrow');
    const result = runTrainerCli(['pass-rate', `--config=${run.configFile}`, '--samples=3', '--k=2', `--pass-rates=${file}`, '--initialize=tiny']);
    expect({ status: result.status, output: result.status === 0 ? '' : result.output }).toEqual({ status: 0, output: '' });
    const rows = readPassRates(file);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.k).toBe(2);
      expect([0, 0.5, 1]).toContain(row.passRate);
    }
  });
});
