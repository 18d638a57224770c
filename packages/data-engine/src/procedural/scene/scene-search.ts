import type { Rng } from '../rng';
import { objectCapacity, randomScene, type Scene } from './scene';

/** Scenes drawn before giving up, unless the caller asks for more. */
const SCENE_ATTEMPTS = 50;

/**
 * Draws random scenes of `minObjects` to the image's capacity until `plan` finds what a question
 * needs in one (a unique referent, a clear relation, ...); each attempt has its own stream, so the
 * result depends only on the generator's stream.
 */
export function findScene<T>(
  rng: Rng,
  width: number,
  height: number,
  minObjects: number,
  plan: (scene: Scene, rng: Rng) => T | null,
  attempts = SCENE_ATTEMPTS,
): { scene: Scene; plan: T } {
  const capacity = objectCapacity(width, height);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const sceneRng = rng.derive(`scene-${attempt}`);
    const scene = randomScene(sceneRng, width, height, sceneRng.int(Math.min(minObjects, capacity), capacity));
    if (scene.objects.length < minObjects) continue;
    const found = plan(scene, rng.derive(`plan-${attempt}`));
    if (found !== null) return { scene, plan: found };
  }
  throw new Error(
    `findScene: no ${width}x${height} scene of ${minObjects}+ objects fits the question after ${attempts} attempts`,
  );
}

/** The scene as plain data for a sample's metadata: background and each object's kind and box. */
export function sceneDetails(scene: Scene): Record<string, unknown> {
  return {
    width: scene.width,
    height: scene.height,
    background: scene.background,
    objects: scene.objects.map((object) => ({
      shape: object.shape,
      colour: object.colour,
      box: [object.x, object.y, object.x + object.size, object.y + object.size],
    })),
  };
}
