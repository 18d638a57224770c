/**
 * Rule-reward throughput: format + matching / chart / IoU on 100k mixed completions of about 300
 * characters, one core (this process), scored through the same `scoreCompletion` the trainer uses.
 * Target (issue #2): at least 300,000 completions/s.
 *
 *   npx tsx tools/bench/rewards/rules.ts [--count 100000] [--repeats 5]
 */
import { DEFAULT_REWARD_CONFIG, scoreCompletion, type RewardInput } from '@mixed-r1/rewards';

const TARGET_PER_SECOND = 300_000;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const FILLER = 'I compare the shapes in the picture one by one, counting them carefully and checking each colour against the question. ';

function think(index: number): string {
  return (FILLER + FILLER).slice(0, 200 + (index % 60));
}

function completionOf(index: number): RewardInput {
  const thought = think(index);
  switch (index % 4) {
    case 0:
      return { id: `y${index}`, task: 'yes_no', completion: `<think>${thought}</think>\n<answer>${index % 3 ? 'Yes, there is.' : 'No, it is not.'}</answer>`, answer: 'yes' };
    case 1:
      return {
        id: `m${index}`,
        task: 'multiple_choice',
        completion: `<think>${thought}</think>\n<answer>${['B', '(C)', 'The answer is A', 'two cats'][index % 4]}</answer>`,
        answer: 'B',
        options: ['a red cube', 'a blue sphere', 'two cats', 'none'],
      };
    case 2:
      return { id: `c${index}`, task: 'chart', completion: `<think>${thought}</think>\n<answer>about ${1200 + (index % 100)} million</answer>`, answer: '1,234' };
    default:
      return {
        id: `g${index}`,
        task: 'grounding',
        completion: `<think>${thought}</think>\n<answer>{"bbox_2d": [${index % 50}, 40, 300, 260]}</answer>`,
        answer: '',
        box: [10, 40, 310, 250],
        imageSize: [640, 480],
        inputSize: [644, 476],
      };
  }
}

function main(): void {
  const count = argument('count', 100_000);
  const repeats = argument('repeats', 5);
  const inputs = Array.from({ length: count }, (_, index) => completionOf(index));
  const meanLength = inputs.reduce((sum, input) => sum + input.completion.length, 0) / count;
  const context = { similarity: null };
  let checksum = 0;
  const rates: number[] = [];
  for (let repeat = 0; repeat < repeats + 1; repeat++) {
    const start = performance.now();
    for (const input of inputs) checksum += scoreCompletion(input, DEFAULT_REWARD_CONFIG, context).total;
    const rate = count / ((performance.now() - start) / 1000);
    if (repeat > 0) rates.push(rate); // the first pass warms the JIT up
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(`rule rewards: ${count} completions, mean ${meanLength.toFixed(0)} chars, ${repeats} timed passes`);
  console.log(`  median ${Math.round(median).toLocaleString('en-US')} completions/s (best ${Math.round(rates[rates.length - 1]).toLocaleString('en-US')})`);
  console.log(`  target ${TARGET_PER_SECOND.toLocaleString('en-US')}/s: ratio ${(median / TARGET_PER_SECOND).toFixed(2)}x`);
  console.log(`  checksum ${checksum.toFixed(3)}`);
}

main();
