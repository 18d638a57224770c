import { extractAnswer } from './extract-answer';
import { formatReward } from './format-reward';
import { chosenOption } from './matching/multiple-choice';
import { firstYesNo } from './matching/yes-no';
import { parseBox } from './parse-box';
import { lastNumberIn, parseNumber } from './parse-number';

// Every parser must stay linear on adversarial model output: a regular expression that
// backtracks catastrophically takes seconds to hours on these, not milliseconds. Quadratic work on
// 1 MB is about 10^12 steps (minutes), linear work a few milliseconds, so a budget of one second
// tells them apart by orders of magnitude and still holds on a loaded machine (this test is a
// guard against blow-ups, not a speed target: those are in tools/bench/).
const MEGABYTE = 1 << 20;
const BUDGET_MS = 1000;

function fill(pattern: string): string {
  return pattern.repeat(Math.ceil(MEGABYTE / pattern.length)).slice(0, MEGABYTE);
}

function fastestMs(run: () => unknown): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const INPUTS: Array<[string, string]> = [
  ['open answer tags', fill('<answer>')],
  ['open think tags', fill('<think>a')],
  ['alternating tags', fill('<think></answer><answer></think>')],
  ['digits and commas', fill('1,23')],
  ['one long number', fill('9')],
  ['box prefixes', fill('[1, 2, 3, ')],
  ['an open bracket and spaces', '[' + fill(' ')],
  ['lone capitals', fill('A B ')],
  ['negations', fill('not ')],
  ['unicode', fill('é東😀 ')],
];

describe.each(INPUTS)('1 MB of %s', (_name, text) => {
  it.each([
    ['extractAnswer', () => extractAnswer(text)],
    ['formatReward', () => formatReward(text)],
    ['firstYesNo', () => firstYesNo(text)],
    ['chosenOption', () => chosenOption(text, ['a', 'b', 'c', 'd'])],
    ['parseNumber', () => parseNumber(text)],
    ['lastNumberIn', () => lastNumberIn(text)],
    ['parseBox', () => parseBox(text)],
  ])(`%s finishes in under ${BUDGET_MS} ms`, (_fn, run) => {
    expect(fastestMs(run)).toBeLessThan(BUDGET_MS);
  });
});
