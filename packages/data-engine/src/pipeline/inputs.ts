import { dirname, resolve } from 'node:path';
import type { Rejection } from '../candidate';
import { ConfigError } from '../config/checks';
import type { EngineConfig } from '../config/engine-config';
import type { ProceduralGenerator } from '../generator';
import type { SourceAdapter, SourceConfig } from '../source-adapter';
import { generatorLookup, type EngineDeps } from './engine-deps';
import type { Job } from './job';

/** One configured input of the build: a source read by its adapter, or a procedural generator. */
export type PlannedInput =
  | { readonly kind: 'source'; readonly source: SourceConfig; readonly adapter: SourceAdapter; readonly maxItems: number | null }
  | { readonly kind: 'procedural'; readonly generator: ProceduralGenerator; readonly seed: number; readonly count: number };

/** An input item in the order read: work for the pipeline, or a rejection the source made itself. */
export type InputItem =
  | { readonly seq: number; readonly inputRef: string; readonly source: string; readonly job: Job }
  | { readonly seq: number; readonly rejection: Rejection };

/** The name `only` and the manifest know an input by. */
export function inputName(input: PlannedInput): string {
  return input.kind === 'source' ? input.source.name : input.generator.name;
}

/**
 * The inputs of a build: the configured sources, then the procedural generators, narrowed by
 * `only` and scaled by `limit`. Unknown adapter, generator and `only` names are errors that name
 * the setting and the valid names.
 */
export function planInputs(config: EngineConfig, deps: EngineDeps): PlannedInput[] {
  const generators = chosenGenerators(config, deps);
  checkCandidateKeys(config, deps);
  const proceduralSeed = config.procedural.seed ?? config.seed;
  const sources: PlannedInput[] = config.sources.map((source, index) => ({ kind: 'source', source, adapter: adapterOf(deps, source, index), maxItems: null }));
  const selectedGenerators = generators.filter((generator) => selected(config, generator.name, true));
  const procedural: PlannedInput[] = selectedGenerators.map((generator) => ({
    kind: 'procedural',
    generator,
    seed: proceduralSeed,
    count: candidateCount(config, generator, selectedGenerators),
  }));
  const inputs = [...sources.filter((input) => selected(config, inputName(input), false)), ...procedural];
  checkOnly(config, sources, generators);
  if (config.limit === null || inputs.length === 0) return inputs;
  const share = Math.ceil(config.limit / inputs.length);
  return inputs.map((input) => (input.kind === 'source' ? { ...input, maxItems: share } : { ...input, count: Math.min(input.count, share) }));
}

/** How many inputs the plan reads, when every input's count is known in advance (no sources); else null. */
export function plannedTotal(inputs: readonly PlannedInput[]): number | null {
  let total = 0;
  for (const input of inputs) {
    if (input.kind === 'source') return null;
    total += input.count;
  }
  return total;
}

/** The items of the planned inputs, numbered in reading order. */
export async function* inputItems(inputs: readonly PlannedInput[]): AsyncGenerator<InputItem> {
  let seq = 0;
  for (const input of inputs) {
    if (input.kind === 'procedural') {
      for (let index = 0; index < input.count; index++) {
        const { name } = input.generator;
        yield { seq: seq++, inputRef: `${name}#${index}`, source: `procedural/${name}`, job: { kind: 'procedural', generator: name, seed: input.seed, index } };
      }
      continue;
    }
    const imageRoot = resolve(input.source.imageRoot ?? dirname(input.source.path));
    let read = 0;
    for await (const item of input.adapter.read(input.source)) {
      if (input.maxItems !== null && read >= input.maxItems) break;
      read++;
      if ('rejection' in item) yield { seq: seq++, rejection: item.rejection };
      else yield { seq: seq++, inputRef: item.inputRef, source: input.source.name, job: { kind: 'candidate', candidate: item.sample, imageRoot } };
    }
  }
}

function chosenGenerators(config: EngineConfig, deps: EngineDeps): ProceduralGenerator[] {
  const names = config.procedural.generators;
  if (names.includes('all')) {
    if (names.length > 1) throw new ConfigError(`config: procedural.generators: "all" cannot be listed with other names, found ${JSON.stringify(names)}`);
    // a drill is not part of Mixed-45K: it runs only when `only` (--sources) names it
    return deps.generators.filter((generator) => generator.drill !== true || (config.only?.includes(generator.name) ?? false));
  }
  const lookup = generatorLookup(deps.generators);
  return names.map((name, index) => {
    try {
      return lookup(name);
    } catch (error) {
      throw new ConfigError(`config: procedural.generators[${index}]: ${(error as Error).message}`);
    }
  });
}

function checkCandidateKeys(config: EngineConfig, deps: EngineDeps): void {
  const known = deps.generators.map((generator) => generator.name);
  for (const name of Object.keys(config.procedural.candidates)) {
    if (!known.includes(name)) throw new ConfigError(`config: procedural.candidates.${name}: unknown generator; the generators are ${known.join(', ')}`);
  }
}

function adapterOf(deps: EngineDeps, source: SourceConfig, index: number): SourceAdapter {
  try {
    return deps.adapterNamed(source.adapter);
  } catch (error) {
    throw new ConfigError(`config: sources[${index}].adapter: ${(error as Error).message}`);
  }
}

function selected(config: EngineConfig, name: string, procedural: boolean): boolean {
  return config.only === null || config.only.includes(name) || (procedural && config.only.includes('procedural'));
}

function checkOnly(config: EngineConfig, sources: readonly PlannedInput[], generators: readonly ProceduralGenerator[]): void {
  if (config.only === null) return;
  const valid = ['procedural', ...sources.map(inputName), ...generators.map((generator) => generator.name)];
  const unknown = config.only.find((name) => !valid.includes(name));
  if (unknown !== undefined) throw new ConfigError(`config: only (--sources): unknown name "${unknown}"; the names are ${valid.join(', ')}`);
}

/** Candidates of a generator: its own count, else candidatesPerTask split evenly over its task's selected generators. */
function candidateCount(config: EngineConfig, generator: ProceduralGenerator, selectedGenerators: readonly ProceduralGenerator[]): number {
  const own = config.procedural.candidates[generator.name];
  if (own !== undefined) return own;
  const sameTask = selectedGenerators.filter((other) => other.task === generator.task && config.procedural.candidates[other.name] === undefined);
  const claimed = selectedGenerators
    .filter((other) => other.task === generator.task && config.procedural.candidates[other.name] !== undefined)
    .reduce((sum, other) => sum + config.procedural.candidates[other.name], 0);
  const remaining = Math.max(0, config.procedural.candidatesPerTask - claimed);
  const position = sameTask.indexOf(generator);
  // an even split; the first generators take one more when it does not divide
  return Math.floor(remaining / sameTask.length) + (position < remaining % sameTask.length ? 1 : 0);
}
