import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable, rewardSchema, rowsFromBatch } from '@mixed-r1/records';
import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { DEFAULT_REWARD_CONFIG } from '../reward-config';
import { scoreFile } from './score-file';

const folder = mkdtempSync(join(tmpdir(), 'score-file-'));
const NO_CONTEXT = { similarity: null };

const LINES = [
  JSON.stringify({ id: 'a', task: 'yes_no', completion: '<think>x</think><answer>yes</answer>', answer: 'yes' }),
  JSON.stringify({ id: 'a', task: 'yes_no', completion: 'no', answer: 'yes' }),
  '{"id": "broken", ',
  '',
  JSON.stringify({ id: 'b', task: 'haiku', completion: '', answer: '' }),
  JSON.stringify({ id: 'c', task: 'chart', completion: '<answer>1,234</answer>', answer: '1234' }),
];

describe('scoreFile', () => {
  it('writes one JSONL row per input row, in order, with reasons for the bad ones', async () => {
    const inPath = join(folder, 'in.jsonl');
    const outPath = join(folder, 'out', 'scores.jsonl');
    writeFileSync(inPath, LINES.join('\n'));
    const summary = await scoreFile({ inPath, outPath, config: DEFAULT_REWARD_CONFIG, context: NO_CONTEXT });
    const rows = readFileSync(outPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.id, row.group_index, row.total])).toEqual([
      ['a', 0, 2],
      ['a', 1, 0],
      [`${inPath}:3`, 0, 0],
      ['b', 0, 0],
      ['c', 0, 1],
    ]);
    expect(rows[2].reason).toMatch(/:3: not valid JSON/);
    expect(rows[3].reason).toMatch(/unknown task "haiku"/);
    expect(rows[4]).toMatchObject({ format: 0, chart: 1, matching: null, iou: null, bmas: null, reason: null });
    expect(summary).toEqual({ rows: 5, withReason: 2, meanTotalByTask: { yes_no: 1, chart: 1 } });
  });

  it('reads Arrow IPC requests and writes the records reward schema', async () => {
    const inPath = join(folder, 'in.arrow');
    const outPath = join(folder, 'scores.arrow');
    const requests = tableFromArrays({
      id: ['m1', 'm1'],
      task: ['multiple_choice', 'multiple_choice'],
      completion: ['<think>x</think><answer>(B)</answer>', 'A or B'],
      answer: ['B', 'B'],
    });
    writeFileSync(inPath, tableToIPC(requests, 'file'));
    await scoreFile({ inPath, outPath, config: DEFAULT_REWARD_CONFIG, context: NO_CONTEXT });
    const rows = rowsFromBatch(rewardSchema, readTable(outPath, rewardSchema));
    // No options column: the sample cannot be scored, the format reward still counts.
    expect(rows.map((row) => [row.sampleId, row.groupIndex, row.total, row.format])).toEqual([
      ['m1', 0, 1, 1],
      ['m1', 1, 0, 0],
    ]);
    expect(rows[0].reason).toMatch(/no options/);
  });
});

describe('scoreFile errors', () => {
  it('names a missing input file and leaves no output behind', async () => {
    const outPath = join(folder, 'never.jsonl');
    await expect(scoreFile({ inPath: join(folder, 'absent.jsonl'), outPath, config: DEFAULT_REWARD_CONFIG, context: NO_CONTEXT })).rejects.toThrow(
      /--in .*absent\.jsonl: no such file/,
    );
    expect(readdirSync(folder).filter((name) => name.startsWith('never'))).toEqual([]);
  });
});
