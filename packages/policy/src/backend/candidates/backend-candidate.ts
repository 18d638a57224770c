import type { BackendName } from '../backend-name';

/** One way of running tensors: how to make it tfjs's active backend, or why it cannot be. */
export interface BackendCandidate {
  readonly name: BackendName;
  /** What the candidate is, for the printed choice. */
  readonly description: string;
  /**
   * Loads the candidate and makes it tfjs's active backend. Throws `BackendUnavailable` with the
   * reason when it cannot be used here (not installed, no GPU, failed to initialise).
   */
  activate(): Promise<void>;
}

/** A candidate that cannot run here, with the reason printed when `auto` skips it. */
export class BackendUnavailable extends Error {
  constructor(
    readonly backend: BackendName,
    readonly reason: string,
  ) {
    super(`tensor backend "${backend}" is unavailable: ${reason}`);
    this.name = 'BackendUnavailable';
  }
}

/** The reason a dynamic `import()` of an optional package failed, in a line. */
export function importFailure(packageName: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(packageName)) {
    return `${packageName} is not installed (an optional dependency: its install script downloads libtensorflow; set TFJS_NODE_CDN_STORAGE to a mirror and reinstall)`;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `${packageName} failed to load: ${message}`;
}
