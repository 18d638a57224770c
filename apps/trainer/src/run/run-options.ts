import type { TrainerConfig } from '../config/trainer-config';

/** What a resumable training command (sft, perceive) is started with. */
export interface TrainingRunOptions {
  readonly config: TrainerConfig;
  /** A checkpoint folder of an earlier run of the same config to continue from. */
  readonly resumeFrom?: string | null;
  readonly log?: (line: string) => void;
  /** Stop requested (SIGINT, --stop-after): the loop checkpoints and returns after the current step. */
  readonly shouldStop?: () => boolean;
}
