import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchSubset } from './evaluation/bench-subset';

// The shipped tiny model loads, and its held-out scores match its model card within the card's
// tolerance: the evaluation is re-run exactly as the card says (greedy, same benchmark subset).
jest.setTimeout(600_000);

const ROOT = join(__dirname, '..', '..', '..');
const MODEL = join(ROOT, 'data', 'models', 'tiny-vlm');
const CARD = join(MODEL, 'heldout-scores.json');

interface CardTask {
  readonly metric: string;
  readonly value: number | null;
  readonly format: number | null;
}
interface Card {
  readonly tolerance: number;
  readonly settings: { readonly inputFrame: { readonly minPixels: number; readonly maxPixels: number }; readonly generation: { readonly maxNewTokens: number } };
  readonly tasks: Readonly<Record<string, CardTask & { readonly rows: number }>>;
}

describe('the shipped tiny model', () => {
  it('has its weights, config and tokenizer in the Hugging Face layout', () => {
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'generation_config.json', 'README.md', 'heldout-scores.json']) {
      expect({ file, exists: existsSync(join(MODEL, file)) }).toEqual({ file, exists: true });
    }
  });

  it('scores on the held-out benchmark as its model card says', () => {
    const card = JSON.parse(readFileSync(CARD, 'utf8')) as Card;
    const dir = mkdtempSync(join(tmpdir(), 'card-'));
    const perTask = Math.max(...Object.values(card.tasks).map((task) => task.rows));
    const bench = join(dir, 'bench-subset.tsv');
    writeBenchSubset(join(ROOT, 'data', 'bench', 'mixed-bench.tsv'), perTask, bench);
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        join(ROOT, 'packages', 'evaluation', 'src', 'cli', 'eval-cli.ts'),
        `--model=${MODEL}`,
        `--bench=${bench}`,
        `--out=${join(dir, 'eval')}`,
        `--embeddings=${MODEL}`,
        `--min-pixels=${card.settings.inputFrame.minPixels}`,
        `--max-pixels=${card.settings.inputFrame.maxPixels}`,
        `--max-new-tokens=${card.settings.generation.maxNewTokens}`,
        '--no-progress',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    const results = JSON.parse(readFileSync(join(dir, 'eval', 'results.json'), 'utf8')) as {
      tasks: { task: string; headline: { estimate: { mean: number } | null }; metrics: { metric: string; estimate: { mean: number } | null }[] }[];
    };
    for (const group of results.tasks) {
      const expected = card.tasks[group.task];
      const value = group.headline.estimate?.mean ?? null;
      const format = group.metrics.find((m) => m.metric === 'format')?.estimate?.mean ?? null;
      expect({ task: group.task, within: Math.abs((value ?? 0) - (expected.value ?? 0)) <= card.tolerance }).toEqual({ task: group.task, within: true });
      expect({ task: group.task, within: Math.abs((format ?? 0) - (expected.format ?? 0)) <= card.tolerance }).toEqual({ task: group.task, within: true });
    }
  });
});
