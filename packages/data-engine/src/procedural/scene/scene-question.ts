import type { Rng } from '../rng';
import type { Scene } from './scene';
import { findScene } from './scene-search';

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

/** Scenes drawn for one question at most: three objects sharing a shape or colour are rare in a small image. */
const QUESTION_SCENE_ATTEMPTS = 1000;

/**
 * A scene and a question of one kind, drawn uniformly among `builders` before any scene; scenes
 * are drawn until that kind's builder can ask it with `want`. Letting each scene pick the first
 * kind it allows instead would tie the kinds, and what they ask (a count, the answer), to what
 * scenes make easy: most scenes have one object of a shape, few have three.
 */
export function questionScene<Want>(
  rng: Rng,
  width: number,
  height: number,
  builders: Readonly<Record<string, SceneQuestionBuilder<Want>>>,
  want: Want,
): { scene: Scene; plan: SceneQuestion } {
  const kind = rng.derive('kind').pick(Object.keys(builders));
  return findScene(rng, width, height, 2, (scene, planRng) => builders[kind](scene, planRng, want), QUESTION_SCENE_ATTEMPTS);
}
