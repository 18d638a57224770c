import { BmasScorer, resolveRewardConfig } from '@mixed-r1/rewards';
import { InMemoryEmbeddings, WordTokenizer } from '@mixed-r1/rewards/testing';
import type { BenchRow } from '../bench/bench-row';
import { loadBenchmark } from '../loaders/registry';
import { fixturePath, formatted } from '../testing';
import { defaultScoringContext, scoreRow } from './score-rows';

let rows: Record<string, BenchRow>;

beforeAll(async () => {
  const bench = await loadBenchmark(fixturePath('mixed-bench-mini.tsv'));
  rows = Object.fromEntries(bench.rows.map((row) => [row.task, row]));
});

const context = defaultScoringContext();
const predict = (row: BenchRow, prediction: string | null, error?: string) => ({ benchmark: row.benchmark, index: row.index, prediction, ...(error ? { error } : {}) });

describe('scoring a row: the metrics of its task', () => {
  it('yes/no and multiple choice: the rewards\' matching rule', async () => {
    expect((await scoreRow(rows.yes_no, predict(rows.yes_no, formatted('Yes, it is.')), context)).metrics).toEqual({ matching_accuracy: 1, format: 1 });
    expect((await scoreRow(rows.yes_no, predict(rows.yes_no, formatted('No.')), context)).correct).toBe(0);
    const mc = rows.multiple_choice;
    expect((await scoreRow(mc, predict(mc, formatted('(B)')), context)).correct).toBe(1);
    expect((await scoreRow(mc, predict(mc, formatted('blue')), context)).correct).toBe(1);
    expect((await scoreRow(mc, predict(mc, formatted('A')), context)).correct).toBe(0);
  });

  it('chart: pix2struct relaxed accuracy of the extracted answer, stricter than the chart reward', async () => {
    const chart = rows.chart;
    // |33 - 34| / 34 = 0.029 <= 0.05
    expect((await scoreRow(chart, predict(chart, formatted('33')), context)).metrics.relaxed_accuracy).toBe(1);
    expect((await scoreRow(chart, predict(chart, formatted('36')), context)).metrics.relaxed_accuracy).toBe(0);
    // "about 34" is no float for pix2struct (string comparison fails); the training reward reads 34 in it.
    const lenient = await scoreRow(chart, predict(chart, formatted('about 34')), context);
    expect(lenient.metrics.relaxed_accuracy).toBe(0);
    expect(lenient.reward.chart).toBe(1);
  });

  // The grounding image is 100x60; Qwen2.5-VL's input frame is 112x56 (smart_resize: round(60/28)*28,
  // round(100/28)*28). Ground truth [20, 10, 60, 40], area 1200.
  it('grounding: boxes in the model-input frame are mapped to the original image before the IoU', async () => {
    const row = rows.grounding;
    // input [22.4, 14, 67.2, 42] -> original [20, 15, 60, 45]: intersection 40 x 25 = 1000, union 1200 + 1200 - 1000
    const good = await scoreRow(row, predict(row, formatted('[22.4, 14, 67.2, 42]')), context);
    expect(good.metrics.mean_iou).toBeCloseTo(1000 / 1400, 12);
    expect(good.metrics.acc_iou_0_5).toBe(1);
    // input [28, 14, 56, 28] -> original [25, 15, 50, 30], inside the truth: 375 / 1200
    const small = await scoreRow(row, predict(row, formatted('{"bbox_2d": [28, 14, 56, 28]}')), context);
    expect(small.metrics.mean_iou).toBeCloseTo(375 / 1200, 12);
    expect(small.correct).toBe(0);
  });

  it('grounding with --box-frame=original: the box is taken as written', async () => {
    const row = rows.grounding;
    const original = defaultScoringContext({ boxFrame: 'original' });
    // [28, 14, 56, 28] inside the truth: 28 x 14 = 392 over 1200
    expect((await scoreRow(row, predict(row, formatted('[28, 14, 56, 28]')), original)).metrics.mean_iou).toBeCloseTo(392 / 1200, 12);
    expect((await scoreRow(row, predict(row, formatted('[20, 10, 60, 40]')), original)).metrics.mean_iou).toBe(1);
    expect((await scoreRow(row, predict(row, formatted('no box')), original)).metrics).toEqual({ acc_iou_0_5: 0, mean_iou: 0, format: 1 });
  });

  it('open-ended: BMAS is n/a with the reason when there is no embedding table', async () => {
    const row = rows.open_ended;
    const scored = await scoreRow(row, predict(row, formatted('a green dot')), context);
    expect(scored.metrics).toEqual({ bmas: null, format: 1 });
    expect(scored.correct).toBeNull();
    expect(scored.reason).toMatch(/^no embedding table given/);
  });

  it('open-ended: BMAS through the rewards\' scorer (one-hot embeddings: shared tokens, 1/2 (2/2 + 2/3))', async () => {
    const row = { ...rows.open_ended, answer: 'green dot white' };
    const vocab = { green: 0, dot: 1, white: 2, red: 3 };
    const oneHot = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
    const similarity = new BmasScorer(new WordTokenizer(vocab), new InMemoryEmbeddings(oneHot), { kernel: 'js' });
    const scored = await scoreRow(row, predict(row, formatted('green dot')), defaultScoringContext({ similarity, similarityUnavailable: null }));
    expect(scored.metrics.bmas).toBeCloseTo(0.5 * (1 + 2 / 3), 6);
    expect(scored.reason).toBeNull();
  });

  it('format compliance: exactly one <think> block then one <answer> block', async () => {
    const row = rows.yes_no;
    expect((await scoreRow(row, predict(row, 'yes'), context)).metrics).toEqual({ matching_accuracy: 1, format: 0 });
    expect((await scoreRow(row, predict(row, '<think>a</think><answer>yes</answer><answer>yes</answer>'), context)).metrics.format).toBe(0);
  });

  it('a missing or failed prediction is scored as an empty completion, with the reason kept', async () => {
    const row = rows.yes_no;
    const missing = await scoreRow(row, undefined, context);
    expect(missing).toMatchObject({ status: 'missing', completion: '', correct: 0, reason: 'mixed-bench-mini/0: no prediction for this row (scored as an empty completion)' });
    const failed = await scoreRow(row, predict(row, null, 'image undecodable'), context);
    expect(failed).toMatchObject({ status: 'failed', correct: 0, reason: 'mixed-bench-mini/0: generation failed: image undecodable' });
  });

  it('keeps the training reward: total = task reward * w_task + format * w_format', async () => {
    const row = rows.yes_no;
    const weighted = defaultScoringContext({ rewardConfig: resolveRewardConfig({ weights: { yes_no: { task: 2, format: 0.5 } } }) });
    expect((await scoreRow(row, predict(row, formatted('yes')), weighted)).reward).toEqual({ total: 2.5, format: 1, matching: 1, chart: null, iou: null, bmas: null });
  });
});
