import { createHash } from 'node:crypto';
import type { TrainerConfig } from '../config/trainer-config';

const NOT_SHAPING = ['out', 'log', 'checkpoint'] as const;

/**
 * A digest of the settings that shape a run's results (everything but where it is written and how
 * often it logs), so a resume with other settings is refused instead of silently mixing runs.
 */
export function configDigest(config: TrainerConfig): string {
  const shaping: Record<string, unknown> = { ...config };
  for (const key of NOT_SHAPING) delete shaping[key];
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex').slice(0, 16);
}
