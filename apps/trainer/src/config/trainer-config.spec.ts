import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configLayers } from '../cli/config-layers';
import { resolveTrainerConfig, TRAINER_DEFAULTS } from './trainer-config';

describe('trainer config: defaults < --config FILE < command line', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'run.json');
  writeFileSync(file, JSON.stringify({ seed: 5, sft: { steps: 10, batchSize: 2 }, grpo: { groupSize: 4 } }));

  it('layers the file over the defaults and the command line over the file', () => {
    const config = resolveTrainerConfig(configLayers({ config: file, sft: { steps: 20 }, _: ['sft'], $0: 'x' }));
    expect(config.seed).toBe(5);
    expect(config.sft.steps).toBe(20);
    expect(config.sft.batchSize).toBe(2);
    expect(config.grpo.groupSize).toBe(4);
    expect(config.grpo.beta).toBe(TRAINER_DEFAULTS.grpo.beta);
  });

  it('is frozen', () => {
    const config = resolveTrainerConfig([]);
    expect(Object.isFrozen(config.grpo)).toBe(true);
    expect(() => {
      (config.grpo as { steps: number }).steps = 3;
    }).toThrow();
  });

  it.each([
    [{ sft: { stpes: 3 } }, /command line: unknown setting "sft.stpes"; valid settings here: sft.steps/],
    [{ grpo: { groupSize: 1 } }, /setting "grpo.groupSize": expected a whole number >= 2/],
    [{ grpo: { lossType: 'ppo' } }, /setting "grpo.lossType": expected one of grpo, dapo, dr_grpo/],
    [{ backend: 'tpu' }, /setting "backend": expected one of auto, tensorflow-gpu/],
    [{ sft: { learningRate: 'fast' } }, /setting "sft.learningRate" must be a number, found "fast"/],
    [{ rewards: { enabled: ['iou', 'clip'] } }, /setting "rewards.enabled": expected a list of format, matching/],
    [{ image: { minPixels: 9000, maxPixels: 3000 } }, /"image.minPixels" \(9000\) must not exceed "image.maxPixels" \(3000\)/],
    [{ data: 'here' }, /setting "data" is a group of settings/],
    [{ sft: { answerWeight: 0 } }, /setting "sft.answerWeight": expected a number > 0, found 0/],
    [{ sft: { copyWeight: -1 } }, /setting "sft.copyWeight": expected a number > 0, found -1/],
    [{ sft: { focalGamma: -2 } }, /setting "sft.focalGamma"/],
    [{ sft: { optionAnswers: "words" } }, /setting "sft.optionAnswers"/],
    [{ sft: { emptyThinkTasks: ['yes_no', 'counting'] } }, /setting "sft.emptyThinkTasks": expected a list of/],
    [{ sft: { emptyThinkTasks: ['yes_no', 'chart'], fullThinkTasks: ['chart', 'multiple_choice'] } }, /"sft.fullThinkTasks" and "sft.emptyThinkTasks" both name chart/],
  ])('rejects %j naming the setting', (values, message) => {
    expect(() => resolveTrainerConfig([{ origin: 'command line', values: values as never }])).toThrow(message);
  });

  it('reads a switch given as the text "true" or "false" (--sft.freezeVision=true), and nothing else as one', () => {
    expect(resolveTrainerConfig([{ origin: 'command line', values: { sft: { freezeVision: 'true' } } }]).sft.freezeVision).toBe(true);
    expect(resolveTrainerConfig([{ origin: 'command line', values: { grpo: { freezeVision: 'false' } } }]).grpo.freezeVision).toBe(false);
    expect(() => resolveTrainerConfig([{ origin: 'command line', values: { sft: { freezeVision: 'yes' } } }])).toThrow('command line: setting "sft.freezeVision" must be a boolean, found "yes"');
  });

  it('reads a list given as one comma-separated value (a single flag on the command line)', () => {
    expect(resolveTrainerConfig([{ origin: 'command line', values: { data: { tasks: 'open_ended' } } }]).data.tasks).toEqual(['open_ended']);
    expect(resolveTrainerConfig([{ origin: 'command line', values: { data: { tasks: 'yes_no, chart' } } }]).data.tasks).toEqual(['yes_no', 'chart']);
    expect(() => resolveTrainerConfig([{ origin: 'command line', values: { data: { tasks: 'yes_no,charts' } } }])).toThrow(/setting "data.tasks": expected a list of/);
  });

  it('names a config file that is not JSON', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'bad.json');
    writeFileSync(bad, '{ nope');
    expect(() => configLayers({ config: bad })).toThrow(/--config .*bad\.json: cannot read a JSON object/);
  });
});
