import type { TaskType } from '@mixed-r1/records';
import type { Rejection, RejectionStage } from '../candidate';
import type { Deduplicator } from './dedup';
import type { InputItem } from './inputs';
import { orderedMap } from './ordered-map';
import type { DifficultyFilter } from './pass-rates';
import type { SampleOutcome } from './process-sample';
import type { Progress } from './progress';
import type { JobRunner } from './runner';
import type { SpillWriter } from './spill';

/** What is kept in memory of a sample that passed every per-sample stage: no image bytes. */
export interface SampleMeta {
  readonly seq: number;
  readonly id: string;
  readonly task: TaskType;
  readonly source: string;
  readonly inputRef: string;
  readonly hash: string;
  readonly width: number;
  readonly height: number;
  readonly imageBytes: number;
}

/** A rejection and the place of its input in reading order (rejected.arrow is in that order). */
export type NumberedRejection = Rejection & { readonly seq: number };

export interface StreamStage {
  readonly runner: JobRunner;
  readonly spill: SpillWriter;
  readonly dedup: Deduplicator;
  readonly difficulty: DifficultyFilter | null;
  readonly progress: Progress;
  /** Jobs in flight at most. */
  readonly window: number;
}

export interface StreamResult {
  readonly inputs: number;
  readonly samples: SampleMeta[];
  readonly rejections: NumberedRejection[];
}

/**
 * Streams the inputs through normalise -> validate (in parallel, on the runner) -> unique ids ->
 * deduplicate -> difficulty filter, in reading order, spilling each surviving sample (with its
 * image bytes) and keeping only its metadata.
 */
export async function streamInputs(items: AsyncIterable<InputItem>, stage: StreamStage): Promise<StreamResult> {
  const samples: SampleMeta[] = [];
  const rejections: NumberedRejection[] = [];
  const firstRefOfId = new Map<string, string>();
  let inputs = 0;
  const work = (item: InputItem): Promise<SampleOutcome | null> => ('job' in item ? stage.runner.run(item.job) : Promise.resolve(null));
  for await (const { item, result } of orderedMap(items, work, stage.window)) {
    inputs++;
    stage.progress.tick();
    if (!('job' in item)) {
      rejections.push({ ...item.rejection, seq: item.seq });
      continue;
    }
    const outcome = result as SampleOutcome;
    const reject = (stageName: RejectionStage, sampleId: string | null, reason: string) =>
      rejections.push({ seq: item.seq, source: outcome.kind === 'valid' ? outcome.sample.source : outcome.source || item.source, inputRef: item.inputRef, sampleId, stage: stageName, reason });
    if (outcome.kind === 'rejected' && outcome.stage !== 'validate') {
      reject(outcome.stage, outcome.sampleId, outcome.reason);
      continue;
    }
    const id = outcome.kind === 'valid' ? outcome.sample.id : (outcome.sampleId as string);
    const earlier = firstRefOfId.get(id);
    if (earlier !== undefined) {
      reject('normalise', id, `duplicate sample id: "${id}" was first given by ${earlier}`);
      continue;
    }
    firstRefOfId.set(id, item.inputRef);
    if (outcome.kind === 'rejected') {
      reject('validate', id, outcome.reason);
      continue;
    }
    const keptId = stage.dedup.check(id, outcome.hash, outcome.questionKey);
    if (keptId !== null) {
      reject('deduplicate', id, `duplicate: the same image (hash ${outcome.hash}) and question as ${keptId}, the first of its cluster`);
      continue;
    }
    const tooHardOrEasy = stage.difficulty?.check(id);
    if (tooHardOrEasy) {
      reject('difficulty', id, tooHardOrEasy);
      continue;
    }
    const { sample } = outcome;
    stage.spill.add(sample);
    samples.push({
      seq: item.seq,
      id,
      task: sample.task,
      source: sample.source,
      inputRef: item.inputRef,
      hash: outcome.hash,
      width: sample.imageWidth,
      height: sample.imageHeight,
      imageBytes: sample.imageBytes?.length ?? 0,
    });
  }
  stage.spill.finish();
  stage.progress.finish();
  return { inputs, samples, rejections };
}
