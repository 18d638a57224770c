import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RewardConfig } from '../reward-config';
import { scoreCompletion } from '../score-completion';
import type { RewardContext } from '../task-reward';
import { buildBatch, isTaskType, ProgressBar, rewardSchema, writeTable, type RewardRow } from '@mixed-r1/records';
import { isArrowPath, readRequests, type SourceRow } from './request-source';
import { parseScoreRequest } from './score-request';

export interface ScoreFileOptions {
  readonly inPath: string;
  readonly outPath: string;
  readonly config: RewardConfig;
  readonly context: RewardContext;
  readonly progress?: boolean;
}

export interface ScoreFileSummary {
  readonly rows: number;
  readonly withReason: number;
  /** Mean total reward per task type over the rows that have a task. */
  readonly meanTotalByTask: Record<string, number>;
}

function failedRow(id: string, task: string | null, reason: string): RewardRow {
  return { sampleId: id, groupIndex: 0, task: isTaskType(task) ? task : null, total: 0, format: null, matching: null, chart: null, iou: null, bmas: null, reason };
}

function scoreRow(source: SourceRow, config: RewardConfig, context: RewardContext): RewardRow {
  if (source.readError !== null) return failedRow(source.where, null, source.readError);
  const parsed = parseScoreRequest(source.value, source.where);
  if (!('input' in parsed)) return failedRow(parsed.id, parsed.task, parsed.reason);
  const score = scoreCompletion(parsed.input, config, context);
  return { sampleId: parsed.input.id, groupIndex: 0, task: parsed.input.task, total: score.total, ...score.components, reason: score.reason };
}

/** The output row of the JSONL format: the input id, its group index, total and components. */
function jsonRow(row: RewardRow): string {
  const { sampleId, groupIndex, task, total, format, matching, chart, iou, bmas, reason } = row;
  return JSON.stringify({ id: sampleId, group_index: groupIndex, task, total, format, matching, chart, iou, bmas, reason });
}

class Summary {
  rows = 0;
  withReason = 0;
  private readonly totals = new Map<string, { sum: number; count: number }>();

  add(row: RewardRow): void {
    this.rows++;
    if (row.reason !== null) this.withReason++;
    if (row.task === null) return;
    const entry = this.totals.get(row.task) ?? { sum: 0, count: 0 };
    entry.sum += row.total;
    entry.count++;
    this.totals.set(row.task, entry);
  }

  result(): ScoreFileSummary {
    const meanTotalByTask = Object.fromEntries([...this.totals].map(([task, { sum, count }]) => [task, sum / count]));
    return { rows: this.rows, withReason: this.withReason, meanTotalByTask };
  }
}

/**
 * Scores every row of a JSONL or Arrow IPC file of completions and writes one output row per
 * input row, in order: malformed rows get total 0 and a reason, never an exception or a gap.
 * Rows sharing an id are one group: their group_index counts 0, 1, 2, ...
 */
export async function scoreFile(options: ScoreFileOptions): Promise<ScoreFileSummary> {
  if (!existsSync(options.inPath) || !statSync(options.inPath).isFile()) {
    throw new Error(`--in ${options.inPath}: no such file; give a JSONL or Arrow IPC file of completions`);
  }
  mkdirSync(dirname(options.outPath), { recursive: true });
  const summary = new Summary();
  if (isArrowPath(options.outPath)) {
    const rows: RewardRow[] = [];
    for await (const row of scoredRows(options, summary)) rows.push(row);
    writeTable(options.outPath, buildBatch(rewardSchema, rows));
    return summary.result();
  }
  const temporary = `${options.outPath}.tmp-${process.pid}`;
  const out = createWriteStream(temporary, 'utf8');
  try {
    for await (const row of scoredRows(options, summary)) {
      if (!out.write(jsonRow(row) + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    renameSync(temporary, options.outPath);
    return summary.result();
  } catch (error) {
    out.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Every input row scored, in order, with its group index; each is added to the summary. */
async function* scoredRows(options: ScoreFileOptions, summary: Summary): AsyncGenerator<RewardRow> {
  const groupSizes = new Map<string, number>();
  const progress = options.progress ? new ProgressBar('scoring', null) : null;
  for await (const source of readRequests(options.inPath)) {
    const scored = scoreRow(source, options.config, options.context);
    const groupIndex = groupSizes.get(scored.sampleId) ?? 0;
    groupSizes.set(scored.sampleId, groupIndex + 1);
    const row = { ...scored, groupIndex };
    summary.add(row);
    progress?.tick();
    yield row;
  }
  progress?.finish();
}
