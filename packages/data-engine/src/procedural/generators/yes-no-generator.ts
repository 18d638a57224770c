// Yes/no questions (task `yes_no`) about a scene of shapes: attributes, counts and relations.
// Answers alternate with the index (the parity of seed + index), so any run of consecutive
// indices is balanced to within one sample.

import { renderSvgToPng } from '@mixed-r1/vision';
import type { ProceduralGenerator } from '../../generator';
import { Rng } from '../rng';
import { proceduralSample, randomImageSize } from '../sample';
import { sceneSvg } from '../scene/draw-scene';
import type { SceneQuestionBuilder } from '../scene/scene-question';
import { questionScene } from '../scene/scene-question';
import { sceneDetails } from '../scene/scene-search';
import { ASKED_COUNTS, existenceQuestion, YES_NO_QUESTIONS, type YesNo, type YesNoWant } from './yes-no-questions';

export const YES_NO_GENERATOR_NAME = 'yes-no';
export const EXISTENCE_DRILL_GENERATOR_NAME = 'existence-drill';

/** The answer of sample `index`: "yes" and "no" alternate. */
export function yesNoAnswerOf(seed: number, index: number): YesNo {
  return (seed % 2) === (index % 2) ? 'yes' : 'no';
}

/** A yes/no generator asking the question kinds of `builders`, each drawn uniformly. */
function yesNoGeneratorOf(name: string, builders: Readonly<Record<string, SceneQuestionBuilder<YesNoWant>>>, drill: boolean): ProceduralGenerator {
  return {
    name,
    task: 'yes_no',
    drill,
    async generate(seed, index) {
      const rng = Rng.forSample(seed, name, index);
      const [width, height] = randomImageSize(rng.derive('size'));
      // the number a counting question asks about is drawn before the scene, like the answer (questionScene says why)
      const want = { answer: yesNoAnswerOf(seed, index), count: rng.derive('count').pick(ASKED_COUNTS) };
      const { scene, plan: question } = questionScene(rng, width, height, builders, want);
      const png = await renderSvgToPng(sceneSvg(scene), width, height);
      return proceduralSample({
        generator: name,
        task: 'yes_no',
        seed,
        index,
        question: question.question,
        answer: question.answer,
        png,
        width,
        height,
        reasoning: question.reasoning,
        details: { scene: sceneDetails(scene), question: { kind: question.kind } },
      });
    },
  };
}

export const yesNoGenerator: ProceduralGenerator = yesNoGeneratorOf(YES_NO_GENERATOR_NAME, YES_NO_QUESTIONS, false);

/**
 * A drill outside Mixed-45K: existence questions only, each "no" about a kind whose colour and
 * shape the scene both lacks, so that one colour or one shape decides. A model that answers with
 * no reasoning starts learning to look the question's object up here, where the data's harder
 * negatives gave it no signal (data/models/tiny-vlm/EXPERIMENTS.md, "With no reasoning to copy").
 */
export const existenceDrillGenerator: ProceduralGenerator = yesNoGeneratorOf(
  EXISTENCE_DRILL_GENERATOR_NAME,
  { exists: existenceQuestion('unrelated') },
  true,
);
