import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchTsv } from '@mixed-r1/data-engine';
import { writeBenchSubset } from './bench-subset';

describe('writeBenchSubset', () => {
  it('keeps the first rows of each task, columns and awkward fields intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'subset-'));
    const source = join(dir, 'bench.tsv');
    const rows = [
      ['0', 'aW1n', 'Is it red?', 'yes', 'yes_no'],
      ['1', 'aW1n', 'Say "hi"\tthere', 'a', 'open_ended'],
      ['2', 'aW1n', 'Is it blue?', 'no', 'yes_no'],
      ['3', 'aW1n', 'Is it green?', 'no', 'yes_no'],
    ];
    const quote = (field: string) => (/[\t"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
    writeFileSync(source, ['index\timage\tquestion\tanswer\ttask', ...rows.map((r) => r.map(quote).join('\t'))].join('\n') + '\n');
    const out = join(dir, 'subset.tsv');
    expect(writeBenchSubset(source, 2, out)).toBe(3);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('index\timage\tquestion\tanswer\ttask');
    expect(parseBenchTsv(readFileSync(out, 'utf8')).map((row) => [row.index, row.question, row.task])).toEqual([
      ['0', 'Is it red?', 'yes_no'],
      ['1', 'Say "hi"\tthere', 'open_ended'],
      ['2', 'Is it blue?', 'yes_no'],
    ]);
  });
});
