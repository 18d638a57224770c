import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImageError } from '@mixed-r1/vision';
import type { BenchRow } from '../bench/bench-row';
import type { EvalPrompt } from '../prompt/eval-prompt';
import { FakeGenerator, formatted } from '../testing';
import { readExistingPredictions } from './predictions-file';
import { runBenchmark } from './run-benchmark';

function rows(count: number): BenchRow[] {
  return Array.from({ length: count }, (_, i) => ({
    benchmark: 'Toy',
    index: String(i),
    task: 'yes_no',
    category: 'toy',
    question: `Question ${i}?`,
    hint: null,
    options: null,
    answer: 'yes',
    box: null,
    image: { kind: 'path', path: `/images/${i}.png` },
    origin: { file: 'Toy.tsv', line: i + 2 },
  }));
}

const answerFor = (prompt: EvalPrompt) => formatted(`yes ${prompt.id}`);
const tempFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'eval-run-')), 'predictions', 'Toy.jsonl');
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');

describe('the resumable runner', () => {
  it('generates in batches, appending each batch to the predictions file', async () => {
    const file = tempFile();
    const generator = new FakeGenerator(answerFor);
    const run = await runBenchmark({ rows: rows(10), generator, predictionsFile: file, batchSize: 4, progress: false });
    expect(generator.calls).toBe(3);
    expect(run).toMatchObject({ benchmark: 'Toy', resumed: 0, generated: 10, failed: 0 });
    expect(lines(file)).toHaveLength(10);
    expect(JSON.parse(lines(file)[3])).toEqual({ benchmark: 'Toy', index: '3', prediction: formatted('yes Toy/3') });
    expect(generator.prompts[0].text).toBe('Question 0?\nFirst output the thinking process in <think> </think> tags and then output the final answer in <answer> </answer> tags.');
  });

  it('killed midway leaves the finished batches; a rerun generates only the rest', async () => {
    const file = tempFile();
    const killed = new FakeGenerator(answerFor, 8);
    await expect(runBenchmark({ rows: rows(10), generator: killed, predictionsFile: file, batchSize: 4, progress: false })).rejects.toThrow('killed after 8 prompts');
    expect(lines(file).map((line) => JSON.parse(line).index)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);

    const rerun = new FakeGenerator(answerFor);
    const run = await runBenchmark({ rows: rows(10), generator: rerun, predictionsFile: file, batchSize: 4, progress: false });
    expect(rerun.calls).toBe(1);
    expect(rerun.prompts.map((prompt) => prompt.id)).toEqual(['Toy/8', 'Toy/9']);
    expect(run).toMatchObject({ resumed: 8, generated: 2 });
    expect([...run.predictions.keys()]).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(lines(file)).toHaveLength(10);

    const third = new FakeGenerator(answerFor);
    await runBenchmark({ rows: rows(10), generator: third, predictionsFile: file, progress: false });
    expect(third.calls).toBe(0);
  });

  it('cuts a half-written last line (killed while writing) and generates that row again', async () => {
    const file = tempFile();
    await runBenchmark({ rows: rows(3), generator: new FakeGenerator(answerFor), predictionsFile: file, progress: false });
    appendFileSync(file, '{"benchmark":"Toy","index":"3","predic');
    const rerun = new FakeGenerator(answerFor);
    const run = await runBenchmark({ rows: rows(5), generator: rerun, predictionsFile: file, progress: false });
    expect(run.truncatedBytes).toBe(38);
    expect(rerun.prompts.map((prompt) => prompt.id)).toEqual(['Toy/3', 'Toy/4']);
    expect(lines(file).map((line) => JSON.parse(line).index)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('names a damaged complete line instead of guessing', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'eval-run-')), 'bad.jsonl');
    writeFileSync(file, '{"index": "0", "prediction": "x"}\nnot json\n');
    expect(() => readExistingPredictions(file, 'Toy')).toThrow(/bad\.jsonl:2: not valid JSON .*remove that line to resume/);
  });

  it('records a row whose image cannot be read and goes on with the others', async () => {
    const file = tempFile();
    const generator = new FakeGenerator((prompt) => {
      if (prompt.id === 'Toy/1') throw new ImageError('undecodable', prompt.id, 'not an image');
      return answerFor(prompt);
    });
    const run = await runBenchmark({ rows: rows(3), generator, predictionsFile: file, batchSize: 3, progress: false });
    expect(run.failed).toBe(1);
    expect(run.predictions.get('1')).toMatchObject({ prediction: null });
    expect(run.predictions.get('1')?.error).toContain('not an image');
    expect(run.predictions.get('2')?.prediction).toBe(formatted('yes Toy/2'));
  });

  it('lets any other failure through (the finished batches stay on disk)', async () => {
    const generator = { description: 'broken', generate: async () => Promise.reject(new Error('out of memory')) };
    await expect(runBenchmark({ rows: rows(2), generator, predictionsFile: tempFile(), progress: false })).rejects.toThrow('out of memory');
    const wrongCount = { description: 'short', generate: async () => ['one'] };
    await expect(runBenchmark({ rows: rows(2), generator: wrongCount, predictionsFile: tempFile(), progress: false })).rejects.toThrow('generator "short" returned 1 completions for 2 prompts');
  });
});
