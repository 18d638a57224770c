import { createHash } from 'node:crypto';
import type { TrainerConfig } from '../config/trainer-config';

/**
 * A digest of the settings that shape a run's results (everything but where it is written and how
 * often it logs), so a resume with other settings is refused instead of silently mixing runs.
 */
export function configDigest(config: TrainerConfig): string {
  const { out: _out, log: _log, checkpoint: _checkpoint, ...shaping } = config;
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex').slice(0, 16);
}
