import { fixturePath } from '../testing';
import { unifiedJsonlLoader } from './unified-jsonl-loader';

describe('unified JSONL loader', () => {
  it('reads image paths and base64 images, categories from the line or its metadata, and infers a missing task', async () => {
    const bench = await unifiedJsonlLoader.load(fixturePath('unified-mini.jsonl'));
    expect(bench.name).toBe('unified-mini');
    expect(bench.rows.map((row) => [row.index, row.task, row.category, row.image.kind])).toEqual([
      ['u1', 'yes_no', 'color', 'path'],
      ['u2', 'multiple_choice', 'shape', 'base64'],
      ['u3', 'grounding', 'grounding', 'path'],
      ['u6', 'yes_no', 'yes_no', 'path'],
    ]);
    expect(bench.rows[2].box).toEqual([20, 10, 60, 40]);
    expect(bench.rows[1].options).toEqual(['bar', 'dot']);
    expect(bench.rows[0].image).toEqual({ kind: 'path', path: fixturePath('images/red-square.png') });
    expect(bench.rows.map((row) => row.origin.line)).toEqual([1, 2, 3, 6]);
  });

  it('reports an unknown field and a line that is not JSON, with their row and line numbers', async () => {
    const bench = await unifiedJsonlLoader.load(fixturePath('unified-mini.jsonl'));
    expect(bench.issues.map((issue) => [issue.row, issue.line, issue.index])).toEqual([
      [4, 4, 'u4'],
      [5, 5, null],
    ]);
    expect(bench.issues[0].reason).toMatch(/^unknown field\(s\) "answer_box"; valid fields: id, source, task/);
    expect(bench.issues[1].reason).toMatch(/^not valid JSON/);
  });
});
