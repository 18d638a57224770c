import type { TaskType } from '@mixed-r1/records';
import type { ProceduralGenerator } from '../generator';
import { chartGenerator } from './generators/chart-generator';
import { groundingGenerator } from './generators/grounding-generator';
import { multipleChoiceGenerator } from './generators/multiple-choice-generator';
import { openEndedGenerator } from './generators/open-ended-generator';
import { yesNoGenerator } from './generators/yes-no-generator';

/** Every procedural generator, by name: the one place generators are registered. */
export const GENERATORS: Readonly<Record<string, ProceduralGenerator>> = Object.freeze({
  [chartGenerator.name]: chartGenerator,
  [groundingGenerator.name]: groundingGenerator,
  [yesNoGenerator.name]: yesNoGenerator,
  [multipleChoiceGenerator.name]: multipleChoiceGenerator,
  [openEndedGenerator.name]: openEndedGenerator,
});

/** The registered generator names, in registration order. */
export const GENERATOR_NAMES: readonly string[] = Object.freeze(Object.keys(GENERATORS));

/** A generator by name; an unknown name throws with the valid names. */
export function generatorNamed(name: string): ProceduralGenerator {
  const generator = Object.prototype.hasOwnProperty.call(GENERATORS, name) ? GENERATORS[name] : undefined;
  if (!generator) throw new Error(`unknown procedural generator "${name}"; valid generators: ${GENERATOR_NAMES.join(', ')}`);
  return generator;
}

/** The generators of one task type (every task type has at least one). */
export function generatorsForTask(task: TaskType): ProceduralGenerator[] {
  return Object.values(GENERATORS).filter((generator) => generator.task === task);
}
