/**
 * How well a model's captions name the objects of procedural scenes: every "colour shape" phrase
 * of a predicted answer ("a red star", "two blue circles") against those of the reference caption.
 * The model card reports these for the open-ended questions of an evaluation's predictions.
 *
 *   npx tsx tools/model-card/caption-pairs.ts BENCH_TSV PREDICTIONS_JSONL
 */
import { readFileSync } from 'node:fs';
import { COLOUR_NAMES, parseBenchTsv, SHAPES } from '@mixed-r1/data-engine';

const PAIR = new RegExp(`\\b(${COLOUR_NAMES.join('|')}) (${SHAPES.join('|')})s?\\b`, 'g');

/** The (colour, shape) phrases of a text, in order, as "colour shape" (plurals made singular). */
export function colourShapePairs(text: string): string[] {
  return [...text.matchAll(PAIR)].map((match) => `${match[1]} ${match[2]}`);
}

export interface PairCounts {
  /** Pairs the predictions name (with repeats). */
  readonly named: number;
  /** Named pairs that the reference holds. */
  readonly inScene: number;
  /** Named pairs whose shape the reference holds (in any colour). */
  readonly shapeInScene: number;
  /** Distinct reference pairs. */
  readonly referencePairs: number;
  /** Distinct reference pairs that the prediction names. */
  readonly found: number;
}

/** Counts of one caption against its reference (add them up over questions). */
export function comparePairs(predicted: string, reference: string): PairCounts {
  const named = colourShapePairs(predicted);
  const scene = new Set(colourShapePairs(reference));
  const sceneShapes = new Set([...scene].map((pair) => pair.split(' ')[1]));
  return {
    named: named.length,
    inScene: named.filter((pair) => scene.has(pair)).length,
    shapeInScene: named.filter((pair) => sceneShapes.has(pair.split(' ')[1])).length,
    referencePairs: scene.size,
    found: [...scene].filter((pair) => named.includes(pair)).length,
  };
}

function answerOf(prediction: string): string {
  return /<answer>([\s\S]*?)<\/answer>/.exec(prediction)?.[1] ?? '';
}

function main(benchFile: string, predictionsFile: string): void {
  const bench = new Map(parseBenchTsv(readFileSync(benchFile, 'utf8')).map((row) => [row.index, row]));
  const totals = { named: 0, inScene: 0, shapeInScene: 0, referencePairs: 0, found: 0 };
  let captions = 0;
  for (const line of readFileSync(predictionsFile, 'utf8').split('\n').filter((l) => l.trim() !== '')) {
    const { index, prediction } = JSON.parse(line) as { index: string | number; prediction: string };
    const row = bench.get(String(index));
    if (!row) throw new Error(`${predictionsFile}: index ${index} is not a row of ${benchFile}`);
    // the scene captions (open-ended references) all begin so; other answers hold no scene list
    if (!row.answer.startsWith('The image shows')) continue;
    captions += 1;
    const counts = comparePairs(answerOf(prediction), row.answer);
    for (const key of Object.keys(totals) as (keyof PairCounts)[]) totals[key] += counts[key];
  }
  const share = (n: number, of: number) => (of === 0 ? 'n/a' : (n / of).toFixed(3));
  console.log(`${captions} captions: ${totals.named} pairs named; in the scene ${share(totals.inScene, totals.named)}, shape in the scene ${share(totals.shapeInScene, totals.named)}; scene pairs found ${share(totals.found, totals.referencePairs)}`);
}

if (require.main === module) {
  const [benchFile, predictionsFile] = process.argv.slice(2);
  if (!benchFile || !predictionsFile) {
    console.error('usage: npx tsx tools/model-card/caption-pairs.ts BENCH_TSV PREDICTIONS_JSONL');
    process.exit(2);
  }
  main(benchFile, predictionsFile);
}
