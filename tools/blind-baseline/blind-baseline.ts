/**
 * Writes the question-only baseline's predictions for a benchmark (question-prior.ts), to be
 * scored like any engine's:
 *
 *   npx tsx tools/blind-baseline/blind-baseline.ts data/mixed-45k data/bench/mixed-bench.tsv runs/blind/predictions.jsonl
 *   npx nx run evaluation:eval --predictions=runs/blind/predictions.jsonl --bench=data/bench/mixed-bench.tsv \
 *     --out=runs/blind/eval --embeddings=data/models/tiny-vlm
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadBenchmark, optionLetter } from '@mixed-r1/evaluation';
import { readTable, rowsFromBatch, sampleSchema, type SampleRow } from '@mixed-r1/records';
import { questionPriorPredictions, type AnsweredQuestion } from './question-prior';

/** A training sample's answer as text: for multiple choice, the text of the option its letter names. */
export function answerText(sample: Pick<SampleRow, 'id' | 'answer' | 'options'>): string {
  if (!sample.options) return sample.answer;
  const text = sample.options.find((_, index) => optionLetter(index) === sample.answer);
  if (text === undefined) throw new Error(`sample ${sample.id}: answer "${sample.answer}" is not the letter of one of its ${sample.options.length} options`);
  return text;
}

function trainingQuestions(dir: string): AnsweredQuestion[] {
  const files = readdirSync(dir).filter((name) => /^shard-\d+\.arrow$/.test(name)).sort();
  if (files.length === 0) throw new Error(`${dir}: no shard-*.arrow files (build them with \`npx nx run data-engine:build-mixed45k\`)`);
  return files.flatMap((file) =>
    rowsFromBatch(sampleSchema, readTable(join(dir, file), sampleSchema)).map((sample) => ({ task: sample.task, question: sample.question, answer: answerText(sample) })),
  );
}

async function main(): Promise<void> {
  const [dataDir, benchFile, out] = process.argv.slice(2);
  if (!dataDir || !benchFile || !out) throw new Error('usage: blind-baseline.ts TRAINING_SHARDS_DIR BENCH_FILE OUT_JSONL');
  const training = trainingQuestions(dataDir);
  const bench = await loadBenchmark(benchFile);
  for (const issue of bench.issues) console.warn(`${issue.file}: row ${issue.row ?? '-'}: ${issue.reason}`);
  const predictions = questionPriorPredictions(training, bench.rows);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, predictions.map(({ index, prediction }) => JSON.stringify({ index, prediction })).join('\n') + '\n');
  const seen = new Map<string, { same: number; all: number }>();
  bench.rows.forEach((row, i) => {
    const entry = seen.get(row.task) ?? { same: 0, all: 0 };
    entry.all++;
    if (predictions[i].source === 'same question') entry.same++;
    seen.set(row.task, entry);
  });
  console.log(`${predictions.length} blind predictions from ${training.length} training questions -> ${out}`);
  for (const [task, { same, all }] of seen) console.log(`  ${task}: ${same} of ${all} questions asked in training too`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
