import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeSafetensors, f32Bytes, wordLevelTokenizerJson } from '@mixed-r1/rewards/testing';
import { ModelFolderError } from '../policy/model-folder';
import type { EvalPrompt } from '../prompt/eval-prompt';
import { readScores } from '../scoring/scores-file';
import type { EvalResults } from '../summary/results';
import { FakeGenerator, fixturePath, formatted } from '../testing';
import { compareOutputs } from './compare';
import { main } from './eval-cli';
import { evaluate } from './evaluate';

const MIXED = fixturePath('mixed-bench-mini.tsv');
const MMSTAR = fixturePath('MMStar_MINI.tsv');
const temp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));
const quiet = { log: () => undefined, progress: false } as const;

/** Answers of the mixed fixture: yes/no right, multiple choice wrong, chart within 5%, box in the input frame right. */
const ANSWERS: Record<string, string> = {
  '0': formatted('yes'),
  '1': formatted('C'),
  '2': formatted('34.5'),
  '3': formatted('[22.4, 14, 67.2, 42]'),
  '4': formatted('a green dot'),
};

function predictionsFile(lines: object[]): string {
  const file = path.join(temp('eval-preds-'), 'predictions.jsonl');
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return file;
}

/** tokenizer.json (word level) and one-hot embed_tokens rows: BMAS counts shared words. */
function embeddingsFolder(): string {
  const dir = temp('eval-emb-');
  const words = ['a', 'small', 'green', 'dot', 'on', 'white', 'background'];
  writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(wordLevelTokenizerJson(words)));
  const size = 4 + words.length; // [UNK] and 3 special tokens first
  const rows = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (__, j) => (i === j ? 1 : 0)));
  writeFileSync(path.join(dir, 'model.safetensors'), encodeSafetensors([{ name: 'model.embed_tokens.weight', dtype: 'F32', shape: [size, size], bytes: f32Bytes(rows.flat()) }]));
  return dir;
}

describe('evaluate: score-only mode (--predictions)', () => {
  it('scores another engine\'s predictions: accuracy over the tasks with a correctness, BMAS with embeddings', async () => {
    const out = temp('eval-out-');
    const predictions = predictionsFile(Object.entries(ANSWERS).map(([index, prediction]) => ({ index: Number(index), prediction })));
    const { results, files } = await evaluate({ benches: [MIXED], predictions: [predictions], out, embeddings: embeddingsFolder(), ...quiet });
    const bench = results.benchmarks[0];
    expect(bench.rows).toBe(5);
    expect(bench.issues).toHaveLength(2);
    expect(bench.summary.accuracy?.mean).toBe(0.75);
    const byTask = Object.fromEntries(bench.tasks.map((group) => [group.label, group.headline.estimate?.mean]));
    expect(byTask).toEqual({ yes_no: 1, multiple_choice: 0, chart: 1, grounding: 1, open_ended: 0.75 });
    const grounding = bench.tasks.find((group) => group.task === 'grounding');
    expect(grounding?.metrics.find((metric) => metric.metric === 'mean_iou')?.estimate?.mean).toBeCloseTo(1000 / 1400, 12);
    expect(results.settings).toMatchObject({ model: null, predictions: [predictions], boxFrame: 'input', inputFrame: { minPixels: 3136, maxPixels: 12845056 } });
    for (const file of Object.values(files)) expect(existsSync(file)).toBe(true);
    expect(readScores(files.scores)).toHaveLength(5);
    expect(JSON.parse(readFileSync(files.results, 'utf8')).schema).toBe('mixed-r1/evaluation-results');
    expect(readFileSync(files.markdown, 'utf8')).toContain('| grounding | 1 | Acc@0.5 | 100.0 [100.0, 100.0] |');
  });

  it('scores rows without a prediction as empty completions and says so; ignores predictions of unknown rows', async () => {
    const lines: string[] = [];
    const predictions = predictionsFile([{ index: '0', prediction: ANSWERS['0'] }, { index: '99', prediction: 'x' }]);
    const { results } = await evaluate({ benches: [MIXED], predictions: [predictions], out: temp('eval-out-'), log: (line) => lines.push(line), progress: false });
    expect(results.benchmarks[0].missing).toBe(4);
    expect(results.notes).toContain('mixed-bench-mini: 4 row(s) have no prediction and are scored as empty completions.');
    expect(lines).toContain('mixed-bench-mini: 1 prediction(s) name rows not in the benchmark (first: "99"); they are ignored');
    expect(results.notes.some((note) => note.startsWith('BMAS is n/a for 1 open-ended row(s): '))).toBe(true);
  });

  it('with several benchmarks, one predictions file needs a "benchmark" field per line', async () => {
    const unnamed = predictionsFile([{ index: '0', prediction: ANSWERS['0'] }]);
    const lines: string[] = [];
    const { results } = await evaluate({ benches: [MIXED, MMSTAR], predictions: [unnamed], out: temp('eval-out-'), log: (line) => lines.push(line), progress: false });
    expect(results.benchmarks.map((bench) => bench.missing)).toEqual([5, 3]);
    expect(lines.some((line) => line.includes('no "benchmark" field, and --bench names 2 benchmarks (mixed-bench-mini, MMStar_MINI)'))).toBe(true);
    const named = predictionsFile([
      { benchmark: 'mixed-bench-mini', index: '0', prediction: ANSWERS['0'] },
      { benchmark: 'MMStar_MINI', index: '0', prediction: formatted('A') },
    ]);
    const scored = await evaluate({ benches: [MIXED, MMSTAR], predictions: [named], out: temp('eval-out-'), ...quiet });
    expect(scored.results.benchmarks.map((bench) => bench.missing)).toEqual([4, 2]);
  });
});

describe('evaluate: generation mode', () => {
  const answer = (prompt: EvalPrompt) => (prompt.id.startsWith('mixed-bench-mini/') ? ANSWERS[prompt.id.split('/')[1]] : formatted('A'));

  it('generates into predictions/<bench>.jsonl and a rerun recomputes nothing', async () => {
    const out = temp('eval-out-');
    const first = new FakeGenerator(answer);
    const { results } = await evaluate({ benches: [MIXED, MMSTAR], generator: first, out, batchSize: 2, ...quiet });
    expect(first.prompts).toHaveLength(8);
    expect(first.calls).toBe(5); // 5 mixed rows in batches of 2 (3 calls), 3 MMStar rows (2 calls)
    expect(existsSync(path.join(out, 'predictions', 'mixed-bench-mini.jsonl'))).toBe(true);
    expect(results.settings.generator).toBe('fake generator (tests)');
    expect(results.benchmarks[1].summary.accuracy?.mean).toBeCloseTo(2 / 3, 12); // answers "A": rows 0 and 2 are A, row 1 is B
    const again = new FakeGenerator(answer);
    const rerun = await evaluate({ benches: [MIXED, MMSTAR], generator: again, out, ...quiet });
    expect(again.calls).toBe(0);
    expect(rerun.results.overall).toEqual(results.overall);
  });

  it('refuses to resume a folder whose predictions were made with other settings', async () => {
    const out = temp('eval-out-');
    await evaluate({ benches: [MIXED], generator: new FakeGenerator(answer), out, ...quiet });
    await expect(evaluate({ benches: [MIXED], generator: new FakeGenerator(answer), out, maxPixels: 200_000, ...quiet })).rejects.toThrow(
      `${path.join(out, 'predictions')} holds predictions made with other settings (inputFrame: {"minPixels":3136,"maxPixels":12845056} then, {"minPixels":3136,"maxPixels":200000} now); give another --out, or remove`,
    );
  });

  it('shows the multiple-choice question with its hint and options, as in training', async () => {
    const generator = new FakeGenerator(answer);
    await evaluate({ benches: [MMSTAR], generator, out: temp('eval-out-'), ...quiet });
    expect(generator.prompts[1].text).toBe(
      'Hint: The image shows a "square".\nWhich option is "correct"?\nLook closely.\nA. left\nB. right\nC. middle\nFirst output the thinking process in <think> </think> tags and then output the final answer in <answer> </answer> tags.',
    );
  });

  it('names every missing file of an incomplete model folder before loading anything', async () => {
    const dir = temp('eval-model-');
    writeFileSync(path.join(dir, 'config.json'), '{}');
    await expect(evaluate({ benches: [MIXED], model: dir, out: temp('eval-out-'), ...quiet })).rejects.toThrow(ModelFolderError);
    await expect(evaluate({ benches: [MIXED], model: dir, out: temp('eval-out-'), ...quiet })).rejects.toThrow(
      `--model ${dir} is incomplete: missing model.safetensors or model.safetensors.index.json, tokenizer.json.`,
    );
    writeFileSync(path.join(dir, 'model.safetensors.index.json'), JSON.stringify({ weight_map: { a: 'model-00001-of-00002.safetensors' } }));
    writeFileSync(path.join(dir, 'tokenizer.json'), '{}');
    await expect(evaluate({ benches: [MIXED], model: dir, out: temp('eval-out-'), ...quiet })).rejects.toThrow(
      'missing model-00001-of-00002.safetensors (named by model.safetensors.index.json)',
    );
  });

  it('refuses both or neither of --model and --predictions', async () => {
    await expect(evaluate({ benches: [MIXED], out: temp('eval-out-'), ...quiet })).rejects.toThrow('give exactly one of --model=DIR (generate and score) or --predictions=FILE (score only); found neither');
  });
});

describe('the command line', () => {
  it('fails with the missing files of an incomplete --model', async () => {
    const dir = temp('eval-model-');
    await expect(main([`--model=${dir}`, `--bench=${MIXED}`, `--out=${temp('eval-out-')}`, '--progress=false'])).rejects.toThrow(
      `--model ${dir} is incomplete: missing config.json, model.safetensors or model.safetensors.index.json, tokenizer.json.`,
    );
  });

  it('scores a predictions file and compares two runs (--compare=A,B)', async () => {
    const root = temp('eval-cli-');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const wrong = predictionsFile(Object.keys(ANSWERS).map((index) => ({ index, prediction: formatted('no') })));
      const right = predictionsFile(Object.entries(ANSWERS).map(([index, prediction]) => ({ index, prediction })));
      await main([`--predictions=${wrong}`, `--bench=${MIXED}`, `--out=${path.join(root, 'a')}`, '--resamples=200']);
      await main([`--predictions=${right}`, `--bench=${MIXED}`, `--out=${path.join(root, 'b')}`, '--resamples=200']);
      await main([`--compare=${path.join(root, 'a')},${path.join(root, 'b')}`, `--out=${path.join(root, 'cmp')}`]);
      const results = JSON.parse(readFileSync(path.join(root, 'b', 'results.json'), 'utf8')) as EvalResults;
      expect(results.settings.bootstrap.resamples).toBe(200);
      const comparison = JSON.parse(readFileSync(path.join(root, 'cmp', 'comparison.json'), 'utf8'));
      expect(comparison.pairedRows).toBe(5);
      expect(comparison.overall.values[0].a.mean).toBe(0);
      expect(comparison.overall.values[0].b.mean).toBe(0.75);
      expect(existsSync(path.join(root, 'cmp', 'comparison.html'))).toBe(true);
      expect(log.mock.calls.flat().some((line) => String(line).startsWith('mixed-bench-mini: 5 rows scored; accuracy 75.0'))).toBe(true);
    } finally {
      log.mockRestore();
      stderr.mockRestore();
    }
  });

  it('names the problem of a bad --compare or --task-map', async () => {
    await expect(main(['--compare=onlyone', '--out=/tmp/x'])).rejects.toThrow('--compare: expected DIR_A,DIR_B (two evaluation output folders), found "onlyone"');
    await expect(main([`--predictions=x`, `--bench=${MIXED}`, '--out=/tmp/x', '--task-map=MMStar'])).rejects.toThrow('--task-map: "MMStar" is not NAME=TASK');
    const empty = temp('eval-cmp-');
    mkdirSync(path.join(empty, 'a'));
    expect(() => compareOutputs({ a: path.join(empty, 'a'), b: path.join(empty, 'a'), out: empty })).toThrow(/cannot read the scores/);
  });
});
