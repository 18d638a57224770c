// Every Float32 value here is exactly representable as a Float32, so rows survive a round trip unchanged.

import type { AdvantageRow } from '../schemas/advantage';
import type { RewardRow } from '../schemas/reward';
import type { RolloutRow } from '../schemas/rollout';
import type { SampleRow } from '../schemas/sample';

/** The 8-byte PNG signature followed by a few bytes: binary data with every kind of byte value. */
const PNG_LIKE_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x7f, 0x80];

/** One sample of each task type, covering nulls, empty and unicode strings, boxes and bytes. */
export function exampleSampleRows(): SampleRow[] {
  return [
    {
      id: 'yes-no-0',
      source: 'procedural/attributes',
      task: 'yes_no',
      question: 'Is the circle red?',
      options: null,
      answer: 'yes',
      answerBox: null,
      imageBytes: Uint8Array.from(PNG_LIKE_BYTES),
      imagePath: null,
      imageWidth: 64,
      imageHeight: 48,
      solution: '<think>The only circle is filled with red.</think><answer>yes</answer>',
      metadata: '{"seed":1}',
    },
    {
      id: 'multiple-choice-0',
      source: 'scienceqa',
      task: 'multiple_choice',
      question: 'Which animal is shown?',
      options: ['cat', 'dog', 'ñandú', '🐦 bird'],
      answer: 'C',
      answerBox: null,
      imageBytes: null,
      imagePath: 'images/scienceqa/0001.jpg',
      imageWidth: 640,
      imageHeight: 480,
      solution: null,
      metadata: null,
    },
    {
      id: 'chart-0',
      source: 'chartqa',
      task: 'chart',
      question: 'What was the revenue in 2020 (in € millions)?',
      options: [],
      answer: '1,234.5',
      answerBox: null,
      imageBytes: new Uint8Array(0),
      imagePath: null,
      imageWidth: 800,
      imageHeight: 600,
      solution: null,
      metadata: '{"category":"bar","tags":["money",null]}',
    },
    {
      id: 'grounding-0',
      source: 'refcoco',
      task: 'grounding',
      question: 'Locate the man on the left.',
      options: null,
      answer: '[10.5, 20, 200.25, 310]',
      answerBox: [10.5, 20, 200.25, 310],
      imageBytes: null,
      imagePath: 'coco/train2014/000000000009.jpg',
      imageWidth: 640,
      imageHeight: 427,
      solution: null,
      metadata: '[]',
    },
    {
      id: 'open-ended-0',
      source: 'coco-captions',
      task: 'open_ended',
      question: 'Describe the image.',
      options: null,
      answer: 'Two dogs play with a ball on the grass. 两只狗在草地上玩球。',
      answerBox: null,
      imageBytes: null,
      imagePath: null,
      imageWidth: 1,
      imageHeight: 1,
      solution: '',
      metadata: '"caption"',
    },
  ];
}

/** Two completions of the first sample and one with an empty completion. */
export function exampleRolloutRows(): RolloutRow[] {
  return [
    {
      sampleId: 'yes-no-0',
      groupIndex: 0,
      promptTokenIds: Int32Array.of(151644, 872, 198, 3872),
      completionTokenIds: Int32Array.of(13708, 766, 29, 9693),
      completionText: '<think>red</think><answer>yes</answer>',
      logProbs: Float32Array.of(-0.5, -1.25, -0.001, -3.75),
    },
    {
      sampleId: 'yes-no-0',
      groupIndex: 1,
      promptTokenIds: Int32Array.of(151644, 872, 198, 3872),
      completionTokenIds: Int32Array.of(2152),
      completionText: 'no ✗',
      logProbs: Float32Array.of(-2.5),
    },
    {
      sampleId: 'open-ended-0',
      groupIndex: 0,
      promptTokenIds: Int32Array.of(151644),
      completionTokenIds: new Int32Array(0),
      completionText: '',
      logProbs: new Float32Array(0),
    },
  ];
}

/** Scores of the example rollouts: components that apply, nulls that do not, one unscored row. */
export function exampleRewardRows(): RewardRow[] {
  return [
    {
      sampleId: 'yes-no-0',
      groupIndex: 0,
      task: 'yes_no',
      total: 2,
      format: 1,
      matching: 1,
      chart: null,
      iou: null,
      bmas: null,
      reason: null,
    },
    {
      sampleId: 'grounding-0',
      groupIndex: 1,
      task: 'grounding',
      total: 0.625,
      format: 0,
      matching: null,
      chart: null,
      iou: 0.625,
      bmas: null,
      reason: null,
    },
    {
      sampleId: 'open-ended-0',
      groupIndex: 0,
      task: 'open_ended',
      total: 0,
      format: 0,
      matching: null,
      chart: null,
      iou: null,
      bmas: 0,
      reason: 'completion over the 32768-byte cap',
    },
  ];
}

/** A group of two rollouts with opposite advantages (1 / sqrt(2), rounded to Float32). */
export function exampleAdvantageRows(): AdvantageRow[] {
  const advantage = Math.fround(Math.SQRT1_2);
  return [
    { sampleId: 'yes-no-0', groupIndex: 0, reward: 2, advantage },
    { sampleId: 'yes-no-0', groupIndex: 1, reward: 0, advantage: -advantage },
  ];
}
