import type { TaskType } from '@mixed-r1/records';
import type { ProceduralGenerator } from '../generator';
import { chartGenerator } from './generators/chart-generator';
import { groundingGenerator } from './generators/grounding-generator';
import { multipleChoiceGenerator } from './generators/multiple-choice-generator';
import { openEndedGenerator } from './generators/open-ended-generator';
import { existenceDrillGenerator, yesNoGenerator } from './generators/yes-no-generator';

/** Every procedural generator, by name: the one place generators are registered (drills included; `drill` says which). */
export const GENERATORS: Readonly<Record<string, ProceduralGenerator>> = Object.freeze({
  [chartGenerator.name]: chartGenerator,
  [groundingGenerator.name]: groundingGenerator,
  [yesNoGenerator.name]: yesNoGenerator,
  [multipleChoiceGenerator.name]: multipleChoiceGenerator,
  [openEndedGenerator.name]: openEndedGenerator,
  [existenceDrillGenerator.name]: existenceDrillGenerator,
});

/** The registered generator names, in registration order. */
export const GENERATOR_NAMES: readonly string[] = Object.freeze(Object.keys(GENERATORS));

/** A generator by name; an unknown name throws with the valid names. */
export function generatorNamed(name: string): ProceduralGenerator {
  const generator = Object.prototype.hasOwnProperty.call(GENERATORS, name) ? GENERATORS[name] : undefined;
  if (!generator) throw new Error(`unknown procedural generator "${name}"; valid generators: ${GENERATOR_NAMES.join(', ')}`);
  return generator;
}

/** The generators that make Mixed-45K and its benchmark: every one but the drills, in registration order. */
export function mixed45kGenerators(): ProceduralGenerator[] {
  return Object.values(GENERATORS).filter((generator) => generator.drill !== true);
}

/** The Mixed-45K generators of one task type (every task type has at least one). */
export function generatorsForTask(task: TaskType): ProceduralGenerator[] {
  return mixed45kGenerators().filter((generator) => generator.task === task);
}
