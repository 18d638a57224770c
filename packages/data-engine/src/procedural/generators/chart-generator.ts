// Charts (task `chart`): a bar, line or pie chart of known whole-number values, and a question
// that reads a value, finds the largest or smallest, or takes a difference.

import { renderSvgToPng } from '@mixed-r1/vision';
import type { ProceduralGenerator } from '../../generator';
import { CHART_KIND_NAMES, CHART_KINDS } from '../chart/chart-kinds';
import { chartQuestion } from '../chart/chart-questions';
import { Rng } from '../rng';
import { proceduralSample, randomImageSize } from '../sample';

export const CHART_GENERATOR_NAME = 'chart';

export const chartGenerator: ProceduralGenerator = {
  name: CHART_GENERATOR_NAME,
  task: 'chart',
  async generate(seed, index) {
    const rng = Rng.forSample(seed, CHART_GENERATOR_NAME, index);
    const [width, height] = randomImageSize(rng.derive('size'));
    const kind = CHART_KINDS[rng.derive('kind').pick(CHART_KIND_NAMES)];
    const data = kind.plan(rng.derive('data'), width, height);
    const question = chartQuestion(rng.derive('question'), data);
    const png = await renderSvgToPng(kind.draw(data, width, height), width, height);
    return proceduralSample({
      generator: CHART_GENERATOR_NAME,
      task: 'chart',
      seed,
      index,
      question: question.question,
      answer: question.answer,
      png,
      width,
      height,
      reasoning: question.reasoning,
      details: { chart: data, question: { kind: question.kind, labels: question.labels } },
    });
  },
};
