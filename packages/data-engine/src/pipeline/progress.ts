import { ProgressBar } from '@mixed-r1/records';

/** What a long step reports to: a ProgressBar, or nothing. */
export interface Progress {
  tick(count?: number): void;
  finish(): void;
}

const SILENT: Progress = { tick: () => undefined, finish: () => undefined };

/** A factory of progress bars on stderr (with rate and ETA when the total is known), or of silent ones. */
export function progressBars(enabled: boolean): (label: string, total: number | null) => Progress {
  return (label, total) => (enabled ? new ProgressBar(label, total) : SILENT);
}
