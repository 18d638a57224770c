import type { Box, Size } from '@mixed-r1/records';
import {
  combineRewards,
  extractAnswer,
  inputBoxToOriginal,
  parseBox,
  resolveRewardConfig,
  scoreCompletion,
  type CompletionScore,
  type ReferenceSimilarity,
  type RewardConfig,
  type TaskWeights,
} from '@mixed-r1/rewards';
import { createQwenProcessor, readImageSize, type ImageProcessor } from '@mixed-r1/vision';
import type { BenchRow } from '../bench/bench-row';
import { imageBytesOf } from '../bench/image-ref';
import type { MetricName } from '../metrics/metric';
import { METRICS, metricsForTask, TASK_METRIC } from '../metrics/registry';
import { rowId } from '../prompt/eval-prompt';
import type { PredictionRecord } from '../runner/prediction-record';
import { boxFrameSize, type BoxFrame } from './box-frame';
import type { PredictionStatus, ScoredRow } from './scored-row';

export interface ScoringContext {
  readonly rewardConfig: RewardConfig;
  /** BMAS scorer (open-ended); null: BMAS is n/a, for `similarityUnavailable`. */
  readonly similarity: ReferenceSimilarity | null;
  /** Why there is no BMAS scorer (e.g. "no --embeddings folder given"). */
  readonly similarityUnavailable: string | null;
  readonly boxFrame: BoxFrame;
  /** Gives the model-input frame of an image (the same resize as the policy's preprocessing). */
  readonly processor: ImageProcessor;
}

export function defaultScoringContext(overrides: Partial<ScoringContext> = {}): ScoringContext {
  return {
    rewardConfig: resolveRewardConfig(),
    similarity: null,
    similarityUnavailable: 'no embedding table given (BMAS needs a folder with tokenizer.json and a safetensors embedding table)',
    boxFrame: 'input',
    processor: createQwenProcessor(),
    ...overrides,
  };
}

/** Original and model-input sizes of a grounding row's image; a reason when the image cannot be read. */
async function frameSizes(row: BenchRow, context: ScoringContext): Promise<{ imageSize: Size; inputSize: Size } | { reason: string }> {
  const id = rowId(row);
  try {
    const header = await readImageSize(await imageBytesOf(row.image, id), { sampleId: id });
    const imageSize: Size = [header.width, header.height];
    return { imageSize, inputSize: boxFrameSize(context.boxFrame, imageSize, context.processor, id) };
  } catch (error) {
    return { reason: `cannot map the predicted box: ${(error as Error).message}` };
  }
}

/** A score whose task reward could not be computed (the box frame is unknown): null, total re-combined. */
function withoutTaskReward(score: CompletionScore, component: 'iou', weights: TaskWeights): CompletionScore {
  const components = { ...score.components, [component]: null };
  return { ...score, components, total: combineRewards(null, components.format, weights) };
}

/** The first box of the answer in original-image pixels (as the IoU reward reads it), or null. */
function predictedBox(answer: string, inputSize: Size, imageSize: Size): Box | null {
  const box = parseBox(answer);
  return box && box.every(Number.isFinite) ? inputBoxToOriginal(box, inputSize, imageSize) : null;
}

function statusOf(prediction: PredictionRecord | undefined): PredictionStatus {
  if (!prediction) return 'missing';
  return prediction.prediction === null ? 'failed' : 'ok';
}

function statusReason(row: BenchRow, prediction: PredictionRecord | undefined): string | null {
  if (!prediction) return `${rowId(row)}: no prediction for this row (scored as an empty completion)`;
  if (prediction.prediction === null) return `${rowId(row)}: generation failed: ${prediction.error ?? 'no reason recorded'}`;
  return null;
}

/**
 * Scores one row: the rewards' scoreCompletion (format and the task's reward, the predicted box
 * mapped from the box frame to the original image), then every metric of the row's task. A missing
 * or failed prediction is scored as an empty completion, with the reason kept.
 */
export async function scoreRow(row: BenchRow, prediction: PredictionRecord | undefined, context: ScoringContext): Promise<ScoredRow> {
  const completion = prediction?.prediction ?? '';
  let reason = statusReason(row, prediction);
  let sizes: { imageSize: Size | null; inputSize: Size | null } = { imageSize: null, inputSize: null };
  let unmappable = false;
  if (row.task === 'grounding') {
    const found = await frameSizes(row, context);
    if ('reason' in found) {
      reason = reason ?? found.reason;
      unmappable = true;
    } else sizes = found;
  }
  let score = scoreCompletion(
    { id: rowId(row), task: row.task, completion, answer: row.answer, options: row.options, box: row.box, ...sizes },
    context.rewardConfig,
    { similarity: context.similarity },
  );
  if (unmappable) score = withoutTaskReward(score, 'iou', context.rewardConfig.weights[row.task]);
  const answer = extractAnswer(completion);
  const metrics: Partial<Record<MetricName, number | null>> = {};
  for (const metric of metricsForTask(row.task)) metrics[metric.name] = metric.value({ row, answer, score });
  const headline = METRICS[TASK_METRIC[row.task]];
  const headlineValue = metrics[headline.name] ?? null;
  const correct = headline.binary && headlineValue !== null ? (headlineValue >= 1 ? 1 : 0) : null;
  const boxes = row.box && sizes.imageSize && sizes.inputSize ? { truth: row.box, predicted: predictedBox(answer, sizes.inputSize, sizes.imageSize), imageSize: sizes.imageSize } : undefined;
  const unavailable = row.task === 'open_ended' && context.similarity === null ? context.similarityUnavailable : null;
  return {
    benchmark: row.benchmark,
    index: row.index,
    task: row.task,
    category: row.category,
    status: statusOf(prediction),
    completion,
    answer,
    target: row.answer,
    metrics,
    correct,
    reward: { total: score.total, ...score.components },
    ...(boxes ? { boxes } : {}),
    reason: reason ?? unavailable ?? score.reason,
  };
}

/** Scores every row of a benchmark in order (`predictions` by index). */
export async function scoreRows(rows: readonly BenchRow[], predictions: ReadonlyMap<string, PredictionRecord>, context: ScoringContext): Promise<ScoredRow[]> {
  const scored: ScoredRow[] = [];
  for (const row of rows) scored.push(await scoreRow(row, predictions.get(row.index), context));
  return scored;
}
