/**
 * Writes a text corpus from the data engine's procedural generators: for each generator, `count`
 * samples (seed `seed`, indexes 0..count-1) as JSONL records of their question, options, answer
 * and solution (the images are rendered by the generators and not kept).
 *
 *   npx tsx tools/train-tokenizer/procedural-corpus.ts --count 400 --seed 1 --out tmp/procedural-corpus.jsonl
 */
import fs from 'node:fs';
import path from 'node:path';
import { mixed45kGenerators } from '@mixed-r1/data-engine';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const count = Number(argument('count', '400'));
  const seed = Number(argument('seed', '1'));
  const out = argument('out', 'tmp/procedural-corpus.jsonl');
  const lines: string[] = [];
  for (const generator of mixed45kGenerators()) {
    for (let index = 0; index < count; index++) {
      const sample = await generator.generate(seed, index);
      lines.push(JSON.stringify({ task: sample.task, question: sample.question, options: sample.options, answer: sample.answer, solution: sample.solution }));
    }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`wrote ${lines.length} records to ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
