/**
 * Time per GRPO step of the default run, split by stage (preprocess, generation, scoring, update,
 * overhead), generated and trained tokens/s, and peak memory. Runs the trainer CLI exactly as
 * `nx run trainer:train` does, without the before/after evaluation, and reads its metrics.
 *
 *   npx tsx tools/bench/trainer/train-step.ts [--steps 5] [extra trainer settings...]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const stepsAt = process.argv.indexOf('--steps');
const steps = stepsAt >= 0 ? Number(process.argv[stepsAt + 1]) : 5;
const extra = process.argv.slice(2).filter((arg, i, all) => arg !== '--steps' && all[i - 1] !== '--steps');
const out = mkdtempSync(join(tmpdir(), 'bench-trainer-'));

const started = performance.now();
const run = spawnSync(
  join(ROOT, 'node_modules', '.bin', 'tsx'),
  [join(ROOT, 'apps', 'trainer', 'src', 'cli', 'main.ts'), 'train', `--grpo.steps=${steps}`, '--evaluation.perTask=0', `--out=${out}`, ...extra],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
const wall = (performance.now() - started) / 1000;
if (run.status !== 0) throw new Error(`trainer failed (${run.status}):\n${run.stdout}`);

type Row = Record<string, number>;
const rows = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row);
const measured = rows.length > 1 ? rows.slice(1) : rows; // the first step also compiles kernels
const mean = (key: string) => measured.reduce((sum, row) => sum + (row[key] ?? 0), 0) / measured.length;
const total = mean('seconds');
const stages = ['preprocess', 'generation', 'scoring', 'update'].map((stage) => [stage, mean(`seconds_${stage}`)] as const);
const overhead = total - stages.reduce((sum, [, s]) => sum + s, 0);

console.log(`GRPO step of the default run (${steps} steps, mean of steps 2..${steps}); whole process ${wall.toFixed(1)} s incl. loading`);
for (const [stage, s] of [...stages, ['overhead', overhead] as const]) {
  console.log(`  ${stage.padEnd(11)} ${s.toFixed(3)} s  ${((100 * s) / total).toFixed(1)}%`);
}
console.log(`  step        ${total.toFixed(3)} s`);
console.log(`  generation  ${mean('generated_tokens_per_second').toFixed(0)} tokens/s; update ${mean('update_tokens_per_second').toFixed(0)} tokens/s`);
console.log(`  peak memory ${Math.max(...rows.map((row) => row.peak_rss_mb)).toFixed(0)} MB (VmHWM)`);
