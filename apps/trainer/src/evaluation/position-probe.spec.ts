import { fixtureRun, runTrainerCli } from '../testing';

jest.setTimeout(300_000);

describe('trainer position-probe', () => {
  it('prints the held-out error of a read-out at the constant, the vision tower and each decoder layer, then at the answer', async () => {
    const { configFile } = await fixtureRun({}, 6);
    const run = runTrainerCli(['position-probe', `--config=${configFile}`, '--images=10']);
    expect(run.status).toBe(0);
    const tables = run.output.split('\n\n').filter((block) => block.includes('| read '));
    expect(tables).toHaveLength(2);
    const rows = tables[0].split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| read from'));
    expect(rows.map((line) => line.split('|')[1].trim())).toEqual(['constant (the training mean)', 'vision tower', 'decoder layer 0', 'decoder layer 1', 'decoder layer 2', 'decoder layer 3']);
    for (const line of rows) {
      const errors = line.split('|').slice(2, 5).map((cell) => Number(cell.trim()));
      // pixels of a 112-px frame at most (image.maxPixels 12544 in the fixture)
      errors.forEach((error) => expect(error).toBeGreaterThan(0));
      errors.forEach((error) => expect(error).toBeLessThan(112));
    }
    // The tower has no absolute position and the scenes a plain background: its read-out of a
    // token's column does no better than the constant one.
    const columnError = (line: string) => Number(line.split('|')[2].trim());
    expect(columnError(rows[1])).toBeGreaterThan(0.9 * columnError(rows[0]));
    // The asked-for box read at the answer: the constant, then each decoder layer.
    const answerRows = tables[1].split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| read at'));
    expect(answerRows.map((line) => line.split('|')[1].trim())).toEqual(['constant (the training mean)', 'decoder layer 0', 'decoder layer 1', 'decoder layer 2', 'decoder layer 3']);
    answerRows.forEach((line) => expect(Number(line.split('|')[2].trim())).toBeGreaterThan(0));
  });

  it('needs at least 4 images', () => {
    const run = runTrainerCli(['position-probe', '--images=3']);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/--images must be a whole number >= 4/);
  });
});
