import { existsSync } from 'node:fs';
import { SafetensorsFile, writeSafetensors } from '@mixed-r1/policy';
import type { AdamWState } from '@mixed-r1/grpo';

const FIRST = 'exp_avg.';
const SECOND = 'exp_avg_sq.';

/** Saves AdamW's moments (by parameter name, as torch names them) and its step count. */
export function saveOptimizerState(file: string, state: AdamWState): void {
  const tensors = [...state.firstMoment].flatMap(([name, m]) => [
    { name: FIRST + name, shape: [m.length], values: m },
    { name: SECOND + name, shape: [m.length], values: state.secondMoment.get(name) as Float32Array },
  ]);
  writeSafetensors(file, tensors, { step: String(state.step) });
}

/** Reads what saveOptimizerState wrote; null when there is no such file (a fresh optimizer). */
export function loadOptimizerState(file: string, names: readonly string[], step: number): AdamWState | null {
  if (!existsSync(file)) return null;
  const saved = SafetensorsFile.open(file);
  try {
    const firstMoment = new Map<string, Float32Array>();
    const secondMoment = new Map<string, Float32Array>();
    for (const name of names) {
      if (!saved.entry(FIRST + name)) continue;
      firstMoment.set(name, saved.readFloat32(FIRST + name));
      secondMoment.set(name, saved.readFloat32(SECOND + name));
    }
    return { step, firstMoment, secondMoment };
  } finally {
    saved.close();
  }
}
