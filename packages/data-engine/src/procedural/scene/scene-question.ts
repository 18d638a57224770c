import type { Rng } from '../rng';
import type { Scene } from './scene';

/** A question about a scene with its exact answer and the facts that give it. */
export interface SceneQuestion {
  /** Which builder made it ("exists", "count", ...). */
  readonly kind: string;
  readonly question: string;
  readonly answer: string;
  /** The facts used, as sentences (the worked solution's reasoning). */
  readonly reasoning: string;
  /** Option texts of a multiple-choice question, in letter order. */
  readonly options?: readonly string[];
}

/** Builds one kind of question for a scene, or null when this scene cannot give it unambiguously. */
export type SceneQuestionBuilder<Want> = (scene: Scene, rng: Rng, want: Want) => SceneQuestion | null;

/** Tries the builders in random order and returns the first question one of them can ask. */
export function firstQuestion<Want>(
  builders: Readonly<Record<string, SceneQuestionBuilder<Want>>>,
  scene: Scene,
  rng: Rng,
  want: Want,
): SceneQuestion | null {
  for (const kind of rng.shuffle(Object.keys(builders))) {
    const question = builders[kind](scene, rng, want);
    if (question) return question;
  }
  return null;
}
