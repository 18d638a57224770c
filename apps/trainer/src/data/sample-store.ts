import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTable, rowsFromBatch, sampleSchema, type SampleRow, type TaskType } from '@mixed-r1/records';

/** The Mixed-45K shards in a folder, read whole: (shard-*.arrow files of the records sample schema). */
export function readSampleShards(dir: string, tasks: readonly string[]): SampleRow[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => /^shard-\d+\.arrow$/.test(name)).sort();
  } catch {
    throw new Error(`data.dir ${dir}: no such folder; build it with \`npx nx run data-engine:build-mixed45k\``);
  }
  if (files.length === 0) throw new Error(`data.dir ${dir}: no shard-*.arrow files; build them with \`npx nx run data-engine:build-mixed45k\``);
  const wanted = new Set(tasks);
  return files.flatMap((file) => rowsFromBatch(sampleSchema, readTable(join(dir, file), sampleSchema))).filter((row) => wanted.has(row.task));
}

/** Samples split into validation (the first n of each task, in shard order) and training. */
export function splitValidation(samples: readonly SampleRow[], perTaskTotal: number): { train: SampleRow[]; validation: SampleRow[] } {
  const tasks = [...new Set(samples.map((sample) => sample.task))];
  const perTask = Math.ceil(perTaskTotal / Math.max(tasks.length, 1));
  const taken = new Map<TaskType, number>();
  const validation: SampleRow[] = [];
  const train: SampleRow[] = [];
  for (const sample of samples) {
    const count = taken.get(sample.task) ?? 0;
    if (validation.length < perTaskTotal && count < perTask) {
      taken.set(sample.task, count + 1);
      validation.push(sample);
    } else {
      train.push(sample);
    }
  }
  return { train, validation };
}
