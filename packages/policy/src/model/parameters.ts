import * as tf from '@tensorflow/tfjs-core';
import type { Qwen25VLConfig } from '../config/qwen2-5-vl-config';
import { Rng } from '../random/rng';
import { parameterSpecs, type ParameterSpec } from './parameter-specs';

/** HF `initializer_range` default: the std of the normal initialisation. */
export const DEFAULT_INIT_STD = 0.02;

/**
 * The model's weights as tfjs variables keyed by Hugging Face tensor name, each checked against the
 * config's shape. Variables are unnamed in tfjs's registry (names there are global), so two models
 * (policy and frozen reference) live side by side.
 */
export class PolicyParameters {
  private constructor(
    readonly config: Qwen25VLConfig,
    readonly specs: readonly ParameterSpec[],
    private readonly byName: Map<string, tf.Variable>,
  ) {}

  /**
   * Wraps `values` (name -> tensor, PyTorch layout) as variables. Every spec'd name must be present
   * with its shape; extra names are an error too (they would be silently unused).
   */
  static fromTensors(config: Qwen25VLConfig, values: ReadonlyMap<string, tf.Tensor>, options: { trainable?: boolean; source?: string } = {}): PolicyParameters {
    const source = options.source ?? 'parameters';
    const specs = parameterSpecs(config);
    checkNames(specs, [...values.keys()], source);
    for (const spec of specs) {
      const shape = (values.get(spec.name) as tf.Tensor).shape;
      if (shape.length !== spec.shape.length || shape.some((d, i) => d !== spec.shape[i])) {
        throw new Error(`${source}: tensor "${spec.name}" has shape [${shape.join(', ')}], the config needs [${spec.shape.join(', ')}]`);
      }
    }
    const trainable = options.trainable ?? true;
    const variables = new Map(specs.map((s) => [s.name, tf.variable(values.get(s.name) as tf.Tensor, trainable)]));
    return new PolicyParameters(config, specs, variables);
  }

  /** As fromTensors, from float32 arrays in PyTorch layout (each must have its spec's size). */
  static fromValues(config: Qwen25VLConfig, values: ReadonlyMap<string, Float32Array>, options: { trainable?: boolean; source?: string } = {}): PolicyParameters {
    const source = options.source ?? 'parameters';
    const specs = parameterSpecs(config);
    checkNames(specs, [...values.keys()], source);
    const tensors = new Map<string, tf.Tensor>();
    try {
      for (const spec of specs) {
        const array = values.get(spec.name) as Float32Array;
        const size = spec.shape.reduce((a, b) => a * b, 1);
        if (array.length !== size) throw new Error(`${source}: tensor "${spec.name}" has ${array.length} values, the config needs [${spec.shape.join(', ')}] = ${size}`);
        tensors.set(spec.name, tf.tensor(array, spec.shape as number[]));
      }
      return PolicyParameters.fromTensors(config, tensors, options);
    } finally {
      tensors.forEach((t) => t.dispose());
    }
  }

  /** The variable named `name` (HF original layout). */
  get(name: string): tf.Variable {
    const variable = this.byName.get(name);
    if (!variable) throw new Error(`no parameter named "${name}" in this model`);
    return variable;
  }

  /** Every variable by name, in spec order. */
  variables(): ReadonlyMap<string, tf.Variable> {
    return new Map(this.specs.map((s) => [s.name, this.get(s.name)]));
  }

  /** Every variable, in spec order (what an optimiser updates). */
  list(): tf.Variable[] {
    return this.specs.map((s) => this.get(s.name));
  }

  names(): string[] {
    return this.specs.map((s) => s.name);
  }

  /** Copies of the current values as float32 arrays, by name (for saving). */
  async values(): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const spec of this.specs) out.set(spec.name, (await this.get(spec.name).data()) as Float32Array);
    return out;
  }

  dispose(): void {
    this.byName.forEach((v) => v.dispose());
    this.byName.clear();
  }
}

/** Every spec'd name present, no other: errors name the first offenders. */
function checkNames(specs: readonly ParameterSpec[], names: readonly string[], source: string): void {
  const given = new Set(names);
  const missing = specs.filter((s) => !given.has(s.name)).map((s) => `"${s.name}"`);
  if (missing.length > 0) {
    throw new Error(`${source}: missing tensor ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''} required by the config`);
  }
  const known = new Set(specs.map((s) => s.name));
  const extra = names.filter((name) => !known.has(name));
  if (extra.length > 0) {
    throw new Error(`${source}: tensor "${extra[0]}"${extra.length > 1 ? ` (and ${extra.length - 1} more)` : ''} is not a parameter of this config`);
  }
}

/** Values of one parameter: normal(0, std) weights, zero biases, unit norm weights. */
function initialValues(spec: ParameterSpec, rng: Rng, std: number): Float32Array {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  if (spec.init === 'ones') values.fill(1);
  else if (spec.init === 'normal') for (let i = 0; i < size; i++) values[i] = rng.nextNormal() * std;
  return values;
}

/**
 * A freshly initialised model as HF initialises one (normal(0, initializer_range) Linear, Conv3d
 * and embedding weights; zero biases; RMSNorm weights 1), drawn in JS from a seeded generator so
 * every backend starts from the same values.
 */
export function initParameters(config: Qwen25VLConfig, options: { seed?: number; std?: number; trainable?: boolean } = {}): PolicyParameters {
  const rng = Rng.fromSeed(options.seed ?? 0);
  const std = options.std ?? DEFAULT_INIT_STD;
  const tensors = new Map<string, tf.Tensor>();
  for (const spec of parameterSpecs(config)) tensors.set(spec.name, tf.tensor(initialValues(spec, rng, std), spec.shape as number[]));
  try {
    return PolicyParameters.fromTensors(config, tensors, { trainable: options.trainable, source: 'initParameters' });
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}
