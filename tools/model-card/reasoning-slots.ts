/**
 * Whether a model's reasoning fills the slots of its templates from the question: the object an
 * existence question asks about ("Can you see a blue diamond?" -> "None of them is a blue
 * diamond."), the kind and number a counting question names, the subject of an attribute question
 * ("What colour is the circle?" -> "There is only one circle in the image"), and the option letter
 * of the value it states ('That is option D, "purple".' when D is purple). Each slot is scored only
 * on the questions whose reasoning writes it, against the bench row's own question and options.
 *
 *   npx tsx tools/model-card/reasoning-slots.ts BENCH_TSV PREDICTIONS_JSONL
 */
import { readFileSync } from 'node:fs';
import { parseBenchTsv } from '@mixed-r1/data-engine';

/** What a bench row gives: its question and, for multiple choice, its options A-D. */
export interface SlotQuestion {
  readonly question: string;
  readonly options: readonly string[];
}

export type SlotName = 'object' | 'count kind' | 'count number' | 'subject' | 'option';

/** One slot the reasoning wrote: which, and whether it matches the question. */
export interface SlotFill {
  readonly slot: SlotName;
  readonly filled: boolean;
}

const singular = (word: string) => word.replace(/s$/, '');

function thinkOf(prediction: string): string {
  return /<think>([\s\S]*?)<\/think>/.exec(prediction)?.[1] ?? '';
}

function existenceSlot(question: string, think: string): SlotFill[] {
  const asked = /^(?:Is there an?|Can you see an?|Does the image contain an?) (\w+ \w+?)(?: in the image)?\?$/.exec(question);
  if (!asked) return [];
  const named = /None of them is an? (\w+ \w+)\.|There (?:is|are) \w+ (\w+ \w+?)s?\./.exec(think);
  return named ? [{ slot: 'object', filled: (named[1] ?? named[2]) === asked[1] }] : [];
}

function countSlots(question: string, think: string): SlotFill[] {
  const asked = /^(?:Is|Are) there exactly (\d+) (.+?)\?$|^How many (.+?) are there/.exec(question);
  if (!asked) return [];
  const kind = singular(asked[2] ?? asked[3]);
  const fills: SlotFill[] = [];
  const stated = /there (?:is|are) \d+ (.+?)(?:,|\.)/.exec(think);
  if (stated) fills.push({ slot: 'count kind', filled: singular(stated[1]) === kind });
  const denied = /, not (\d+)\./.exec(think);
  if (denied && asked[1]) fills.push({ slot: 'count number', filled: denied[1] === asked[1] });
  return fills;
}

function subjectSlot(question: string, think: string): SlotFill[] {
  const asked = /^What colour is the (\w+)\?|^What shape is the (\w+ \w+)\?|^Is the (\w+(?: shape)?) (?:a )?\w+\?$/.exec(question);
  if (!asked) return [];
  const named = /There is only one (.+?) in the image|The only (.+?) in the image/.exec(think);
  return named ? [{ slot: 'subject', filled: (named[1] ?? named[2]) === (asked[1] ?? asked[2] ?? asked[3]) }] : [];
}

function optionSlot(options: readonly string[], think: string): SlotFill[] {
  const stated = /That is option ([A-D]), "(.+?)"\./.exec(think);
  if (!stated || options.length === 0) return [];
  return [{ slot: 'option', filled: options['ABCD'.indexOf(stated[1])] === stated[2] }];
}

/** The slots one prediction's reasoning wrote, each matched against its question. */
export function reasoningSlots(row: SlotQuestion, prediction: string): SlotFill[] {
  const think = thinkOf(prediction);
  return [...existenceSlot(row.question, think), ...countSlots(row.question, think), ...subjectSlot(row.question, think), ...optionSlot(row.options, think)];
}

function main(benchFile: string, predictionsFile: string): void {
  const bench = new Map(parseBenchTsv(readFileSync(benchFile, 'utf8')).map((row) => [row.index, row]));
  const totals = new Map<SlotName, { filled: number; written: number }>();
  for (const line of readFileSync(predictionsFile, 'utf8').split('\n').filter((l) => l.trim() !== '')) {
    const { index, prediction } = JSON.parse(line) as { index: string | number; prediction: string };
    const row = bench.get(String(index));
    if (!row) throw new Error(`${predictionsFile}: index ${index} is not a row of ${benchFile}`);
    const options = [row.A, row.B, row.C, row.D].filter((option): option is string => typeof option === 'string' && option !== '');
    for (const { slot, filled } of reasoningSlots({ question: row.question, options }, prediction)) {
      const total = totals.get(slot) ?? { filled: 0, written: 0 };
      totals.set(slot, { filled: total.filled + Number(filled), written: total.written + 1 });
    }
  }
  for (const [slot, { filled, written }] of totals) console.log(`${slot}: ${filled} of ${written} filled from the question (${((100 * filled) / written).toFixed(1)}%)`);
}

if (require.main === module) {
  const [benchFile, predictionsFile] = process.argv.slice(2);
  if (!benchFile || !predictionsFile) {
    console.error('usage: npx tsx tools/model-card/reasoning-slots.ts BENCH_TSV PREDICTIONS_JSONL');
    process.exit(2);
  }
  main(benchFile, predictionsFile);
}
