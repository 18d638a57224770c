import { isTaskType, type Box, type Size } from '@mixed-r1/records';
import type { RewardInput } from '../reward-input';

/**
 * One row of the scoring CLI's input:
 * `{id, task, completion, answer, options?, box?, image_size?, input_size?}`, with `box` as
 * [x1, y1, x2, y2] and the sizes as [width, height].
 */
export type ParsedRequest = { readonly input: RewardInput } | { readonly id: string; readonly task: string | null; readonly reason: string };

const FIELDS = ['id', 'task', 'completion', 'answer', 'options', 'box', 'image_size', 'input_size'];

class RequestError extends Error {}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(row: Record<string, unknown>, field: string): string {
  const value = row[field];
  if (typeof value !== 'string') throw new RequestError(`field "${field}" must be a string, found ${JSON.stringify(value ?? null)}`);
  return value;
}

function numbers(row: Record<string, unknown>, field: string, count: number, what: string): number[] | null {
  const value = row[field];
  if (value === undefined || value === null) return null;
  const ok = Array.isArray(value) && value.length === count && value.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!ok) throw new RequestError(`field "${field}" must be ${what}, found ${JSON.stringify(value)}`);
  return value as number[];
}

function options(row: Record<string, unknown>): string[] | null {
  const value = row.options;
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new RequestError(`field "options" must be a list of strings, found ${JSON.stringify(value)}`);
  }
  return value as string[];
}

function idOf(row: unknown, where: string): string {
  if (!isPlainObject(row)) return where;
  const id = row.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : where;
}

function toInput(row: unknown): RewardInput {
  if (!isPlainObject(row)) throw new RequestError(`expected a JSON object, found ${JSON.stringify(row)}`);
  const unknown = Object.keys(row).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) throw new RequestError(`unknown field(s) ${unknown.join(', ')}; valid fields: ${FIELDS.join(', ')}`);
  const task = text(row, 'task');
  if (!isTaskType(task)) throw new RequestError(`unknown task "${task}"`);
  const id = typeof row.id === 'number' ? String(row.id) : text(row, 'id');
  return {
    id,
    task,
    completion: text(row, 'completion'),
    answer: text(row, 'answer'),
    options: options(row),
    box: numbers(row, 'box', 4, '[x1, y1, x2, y2] of finite numbers') as Box | null,
    imageSize: numbers(row, 'image_size', 2, '[width, height] of finite numbers') as Size | null,
    inputSize: numbers(row, 'input_size', 2, '[width, height] of finite numbers') as Size | null,
  };
}

/** A request row as a reward input, or the reason it cannot be one; `where` names the row. */
export function parseScoreRequest(row: unknown, where: string): ParsedRequest {
  try {
    return { input: toInput(row) };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    const task = isPlainObject(row) && typeof row.task === 'string' ? row.task : null;
    return { id: idOf(row, where), task, reason: `${where}: ${error.message}` };
  }
}
