import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeIssue } from '../bench/bench-row';
import { parseTaskMap } from '../bench/task-map';
import { fixturePath, tinyPngBase64 } from '../testing';
import { BenchFileError } from './bench-loader';
import { vlmEvalKitTsvLoader } from './vlmevalkit-tsv-loader';

const load = (name: string, options = {}) => vlmEvalKitTsvLoader.load(fixturePath(name), options);

describe('VLMEvalKit TSV loader', () => {
  it('reads an MMStar-style file: options, hint, category, and a shared image given by another row\'s index', async () => {
    const bench = await load('MMStar_MINI.tsv');
    expect(bench.name).toBe('MMStar_MINI');
    expect(bench.format).toBe('vlmevalkit-tsv');
    expect(bench.rows.map((row) => row.index)).toEqual(['0', '1', '2']);
    const [first, second, third] = bench.rows;
    expect(first).toMatchObject({ task: 'multiple_choice', category: 'coarse perception', question: 'What color is the square?', hint: null, options: ['red', 'blue', 'green', 'yellow'], answer: 'A', box: null });
    expect(second).toMatchObject({ question: 'Which option is "correct"?\nLook closely.', hint: 'The image shows a "square".', options: ['left', 'right', 'middle'], answer: 'B' });
    expect(third).toMatchObject({ hint: 'Use the\tlegend.', answer: '(A)' });
    // Row 1's image field is "0": the image of the row with index 0.
    expect(second.image).toBe(first.image);
    expect(first.image.kind).toBe('base64');
    expect(second.origin).toEqual({ file: fixturePath('MMStar_MINI.tsv'), line: 3 });
  });

  it('reports every malformed row with its row number, line and reason, and reads the rest', async () => {
    const bench = await load('MMStar_MINI.tsv');
    expect(bench.issues.map((issue) => [issue.row, issue.line, issue.index])).toEqual([
      [4, 6, '3'],
      [5, 7, '4'],
      [6, 8, '2'],
      [7, 9, '6'],
      [8, 10, '7'],
      [9, 11, null],
    ]);
    expect(bench.issues.map((issue) => issue.reason)).toEqual([
      'answer "E" names none of the option letters A-D',
      '"image" "99" is not base64 and no row with that index holds an image (VLMEvalKit\'s shared-image convention)',
      'index "2" is used by an earlier row; indices must be unique',
      'empty "question"',
      'option B is empty but option C is given',
      'expected 11 tab-separated fields (as the header), found 3',
    ]);
    expect(describeIssue(bench.issues[0])).toBe(`${fixturePath('MMStar_MINI.tsv')} row 4 (line 6) index "3": answer "E" names none of the option letters A-D`);
  });

  it('infers yes/no from the answers and open-ended otherwise (HallusionBench style, minimal quoting)', async () => {
    const bench = await load('HallusionBench_MINI.tsv');
    expect(bench.rows.map((row) => [row.index, row.task, row.category])).toEqual([
      ['10', 'yes_no', 'VD'],
      ['11', 'yes_no', 'VS'],
      ['12', 'open_ended', 'VS'],
    ]);
    expect(bench.issues).toEqual([]);
  });

  it('makes every row of a ChartQA* benchmark a chart question, yes/no answers included', async () => {
    const bench = await load('ChartQA_MINI.tsv');
    expect(bench.rows.map((row) => [row.task, row.answer])).toEqual([
      ['chart', '45%'],
      ['chart', '0'],
      ['chart', '1,234'],
      ['chart', '12.5'],
      ['chart', 'Yes'],
    ]);
  });

  it('reads this project\'s task and box columns, and reports a bad task or an empty box', async () => {
    const bench = await load('mixed-bench-mini.tsv');
    expect(bench.rows.map((row) => row.task)).toEqual(['yes_no', 'multiple_choice', 'chart', 'grounding', 'open_ended']);
    expect(bench.rows[3].box).toEqual([20, 10, 60, 40]);
    expect(bench.rows[1].options).toEqual(['red', 'blue', 'green', 'black']);
    expect(bench.rows[0].options).toBeNull();
    expect(bench.issues.map((issue) => issue.reason)).toEqual([
      'box [5, 5, 2, 2] is empty (x2 <= x1 or y2 <= y1)',
      '"task" must be one of yes_no, multiple_choice, chart, grounding, open_ended, found "counting"',
    ]);
  });

  it('reads image_path relative to the file (or --image-root) and reports a missing image file', async () => {
    const bench = await load('ImagePath_MINI.tsv');
    expect(bench.rows).toHaveLength(1);
    expect(bench.rows[0].image).toEqual({ kind: 'path', path: fixturePath('images/red-square.png') });
    expect(bench.issues[0].reason).toMatch(/^image_path "images\/no-such-file.png": no such file/);
    const elsewhere = await load('ImagePath_MINI.tsv', { imageRoot: os.tmpdir() });
    expect(elsewhere.rows).toHaveLength(0);
  });

  it('lets a task map override every row of a benchmark (exact name, or a prefix pattern)', async () => {
    const exact = await load('HallusionBench_MINI.tsv', { taskMap: parseTaskMap('HallusionBench_MINI=open_ended') });
    expect(exact.rows.map((row) => row.task)).toEqual(['open_ended', 'open_ended', 'open_ended']);
    const pattern = await load('HallusionBench_MINI.tsv', { taskMap: parseTaskMap('hallusion*=chart') });
    expect(pattern.rows.map((row) => row.task)).toEqual(['chart', 'chart', 'chart']);
  });

  it('a row whose image refers to a later row is resolved; a list of one image is that image', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-tsv-'));
    const image = await tinyPngBase64(32, 32, [255, 0, 0]);
    const file = path.join(dir, 'Later.tsv');
    writeFileSync(file, ['index\timage\tquestion\tanswer', '0\t1\tfirst?\tyes', `1\t['${image}']\tsecond?\tno`, ''].join('\n'));
    const bench = await vlmEvalKitTsvLoader.load(file);
    expect(bench.rows.map((row) => row.image)).toEqual([
      { kind: 'base64', base64: image },
      { kind: 'base64', base64: image },
    ]);
  });

  it('refuses a file without an answer column or an image column, naming them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'eval-tsv-'));
    const file = path.join(dir, 'TEST.tsv');
    writeFileSync(file, 'index\tquestion\tA\tB\n0\tq\ta\tb\n');
    await expect(vlmEvalKitTsvLoader.load(file)).rejects.toThrow(BenchFileError);
    await expect(vlmEvalKitTsvLoader.load(file)).rejects.toThrow(`${file}: not a VLMEvalKit benchmark TSV: no answer, image or image_path column`);
    await expect(vlmEvalKitTsvLoader.load(path.join(dir, 'none.tsv'))).rejects.toThrow('no such file');
  });
});
