// Questions about a chart's data, each with its exact answer and the reasoning that reaches it.
// Numeric answers are whole numbers written as plain decimals; label answers are the label exactly
// as drawn. Both satisfy the chart reward (ChartQA relaxed accuracy, or exact text).

import type { Rng } from '../rng';
import type { ChartData, LabelNoun } from './chart-data';

export type ChartQuestionKind = 'value' | 'largest' | 'smallest' | 'difference';

export interface ChartQuestion {
  readonly kind: ChartQuestionKind;
  readonly question: string;
  readonly answer: string;
  readonly reasoning: string;
  /** The labels the question names or answers with. */
  readonly labels: readonly string[];
}

type QuestionBuilder = (rng: Rng, data: ChartData) => ChartQuestion | null;

const CHART_NAMES: Readonly<Record<ChartData['kind'], string>> = { bar: 'bar chart', line: 'line chart', pie: 'pie chart' };

/** "A = 12, B = 7" (or "A 25%, B 40%" for a pie). */
function valueList(data: ChartData): string {
  const entry = (text: string, i: number) => (data.kind === 'pie' ? `${text} ${data.values[i]}%` : `${text} = ${data.values[i]}`);
  return data.labels.map(entry).join(', ');
}

/** How the values are read when they are not written on the chart. */
const UNLABELLED_READING: Readonly<Record<ChartData['kind'], string>> = {
  bar: 'read against the axis, the values are',
  line: 'read against the axis, the values are',
  pie: 'from the slice angles, the shares are',
};

/** The facts the reasoning starts from: every label and its value. */
function facts(data: ChartData): string {
  const chart = CHART_NAMES[data.kind];
  return data.showValues
    ? `The ${chart} shows ${valueList(data)}.`
    : `The ${chart} has no value labels; ${UNLABELLED_READING[data.kind]} ${valueList(data)}.`;
}

/** How the question refers to the value of one label. */
const VALUE_OF: Readonly<Record<LabelNoun, (label: string) => string>> = {
  category: (label) => `the value of ${label}`,
  month: (label) => `the value in ${label}`,
  year: (label) => `the value in ${label}`,
  slice: (label) => `the percentage of ${label}`,
};

const EXTREME_QUESTIONS: Readonly<Record<LabelNoun, ((extreme: 'largest' | 'smallest') => string) | null>> = {
  category: (extreme) => `Which category has the ${extreme} value?`,
  month: (extreme) => `In which month is the value ${extreme === 'largest' ? 'highest' : 'lowest'}?`,
  slice: (extreme) => `Which slice of the pie is the ${extreme}?`,
  /** A year is a number: a relaxed numeric match would accept the wrong year, so never ask for one. */
  year: null,
};

function numericSuffix(rng: Rng, data: ChartData): string {
  return data.kind === 'pie' || rng.chance(0.4) ? ' Answer with a number.' : '';
}

/** "12", or "12%" for a pie's share. */
function amount(data: ChartData, value: number): string {
  return data.kind === 'pie' ? `${value}%` : String(value);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const valueQuestion: QuestionBuilder = (rng, data) => {
  if (!data.showValues) return null;
  const i = rng.int(0, data.labels.length - 1);
  const label = data.labels[i];
  const subject = VALUE_OF[data.labelNoun](label);
  return {
    kind: 'value',
    question: `What is ${subject}?${numericSuffix(rng, data)}`,
    answer: String(data.values[i]),
    reasoning: `${facts(data)} ${capitalised(subject)} is ${data.values[i]}.`,
    labels: [label],
  };
};

function extremeQuestion(extreme: 'largest' | 'smallest'): QuestionBuilder {
  return (_rng, data) => {
    const ask = EXTREME_QUESTIONS[data.labelNoun];
    if (!ask) return null;
    const best = extreme === 'largest' ? Math.max(...data.values) : Math.min(...data.values);
    const label = data.labels[data.values.indexOf(best)];
    const quantity = data.kind === 'pie' ? 'share' : 'value';
    return {
      kind: extreme,
      question: ask(extreme),
      answer: label,
      reasoning: `${facts(data)} The ${extreme} ${quantity} is ${amount(data, best)}, for ${label}.`,
      labels: [label],
    };
  };
}

const differenceQuestion: QuestionBuilder = (rng, data) => {
  if (!data.showValues) return null;
  const [i, j] = rng.sample(
    data.labels.map((_, k) => k),
    2,
  );
  const [a, b] = [data.labels[i], data.labels[j]];
  const [high, low] = data.values[i] > data.values[j] ? [i, j] : [j, i];
  const difference = data.values[high] - data.values[low];
  const noun = data.kind === 'pie' ? 'percentages' : 'values';
  const preposition = data.labelNoun === 'month' || data.labelNoun === 'year' ? 'in' : 'of';
  return {
    kind: 'difference',
    question: `What is the difference between the ${noun} ${preposition} ${a} and ${b}?${numericSuffix(rng, data)}`,
    answer: String(difference),
    reasoning:
      `${facts(data)} ${data.labels[high]} is ${data.values[high]} and ${data.labels[low]} is ${data.values[low]}, ` +
      `so the difference is ${data.values[high]} - ${data.values[low]} = ${difference}.`,
    labels: [a, b],
  };
};

/** Every chart question kind, by name. */
export const CHART_QUESTIONS: Readonly<Record<ChartQuestionKind, QuestionBuilder>> = {
  value: valueQuestion,
  largest: extremeQuestion('largest'),
  smallest: extremeQuestion('smallest'),
  difference: differenceQuestion,
};

/** How often each kind is tried first (value and difference twice as often). */
const QUESTION_DRAW: readonly ChartQuestionKind[] = ['value', 'value', 'difference', 'difference', 'largest', 'smallest'];

/** A random question that this chart can answer exactly. */
export function chartQuestion(rng: Rng, data: ChartData): ChartQuestion {
  const order = [...new Set(rng.shuffle(QUESTION_DRAW))];
  for (const kind of order) {
    const question = CHART_QUESTIONS[kind](rng, data);
    if (question) return question;
  }
  throw new Error(`chart questions: none applies to a ${data.kind} chart of ${data.labelNoun} labels`);
}
