import type { ProceduralGenerator } from '../generator';
import type { SourceAdapter } from '../source-adapter';
import type { ImageDecoder } from './image-bytes';
import type { JobDeps } from './job';
import type { LimitSettings } from '../config/engine-config';

/** What the engine builds with: the source adapters, the procedural generators and the image decoder. */
export interface EngineDeps {
  /** The adapter of a name (throws naming the valid names). */
  readonly adapterNamed: (name: string) => SourceAdapter;
  /** Every procedural generator, in a fixed order (what "all" means in `procedural.generators`). */
  readonly generators: readonly ProceduralGenerator[];
  readonly decode: ImageDecoder;
}

/** The generator of a name among `generators`; throws naming the valid names. */
export function generatorLookup(generators: readonly ProceduralGenerator[]): (name: string) => ProceduralGenerator {
  const byName = new Map(generators.map((generator) => [generator.name, generator]));
  return (name) => {
    const generator = byName.get(name);
    if (!generator) throw new Error(`unknown procedural generator "${name}"; the generators are ${[...byName.keys()].join(', ') || '(none)'}`);
    return generator;
  };
}

export function jobDepsOf(deps: EngineDeps, limits: LimitSettings): JobDeps {
  return { decode: deps.decode, limits, generatorNamed: generatorLookup(deps.generators) };
}
