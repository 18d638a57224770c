import { fixtureRun, runTrainerCli } from '../testing';
import { sameGridPartners } from './image-reliance';

jest.setTimeout(600_000);

describe('image reliance', () => {
  it('pairs each image with the first other image of the same grid, or none', () => {
    const a = { t: 1, h: 4, w: 6 };
    const b = { t: 1, h: 6, w: 4 };
    const c = { t: 1, h: 8, w: 8 };
    expect(sameGridPartners([a, b, { ...a }, c, { ...b }])).toEqual([2, 4, 0, -1, 1]);
    expect(sameGridPartners([])).toEqual([]);
  });

  it('prints, per task type, the loss with the own image and with another, and their difference', async () => {
    const { configFile } = await fixtureRun({}, 6);
    const run = runTrainerCli(['image-reliance', `--config=${configFile}`, '--per-task=6']);
    expect({ status: run.status, output: run.status === 0 ? '' : run.output }).toEqual({ status: 0, output: '' });
    const rows = run.output
      .split('\n')
      .filter((line) => /^\| [a-z_]+ \| \d+ \|/.test(line))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(rows.map((row) => row[0])).toEqual(['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended']);
    for (const [, pairs, own, other, gap] of rows) {
      expect(Number(pairs)).toBeLessThanOrEqual(6);
      if (Number(pairs) === 0) continue;
      expect(Number(own)).toBeGreaterThan(0);
      expect(Number(gap)).toBeCloseTo(Number(other) - Number(own), 2);
    }
    // The random tiny model's loss depends on its image: some swap changes it.
    expect(rows.some(([, pairs, , , gap]) => Number(pairs) > 0 && Number(gap) !== 0)).toBe(true);
  });

  it('refuses fewer than two samples per task (an image needs a partner), naming the flag', () => {
    const run = runTrainerCli(['image-reliance', '--per-task=1']);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('--per-task must be a whole number >= 2');
  });
});
