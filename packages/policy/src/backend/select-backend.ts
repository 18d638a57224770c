import { BACKEND_ENV, parseBackendRequest, type BackendName, type BackendRequest } from './backend-name';
import { BackendUnavailable } from './candidates/backend-candidate';
import { AUTO_ORDER, BACKEND_CANDIDATES } from './candidates/registry';
import { registerGradients } from './gradients/registry';

/** The tensor backend in use, how it was asked for, and why `auto` passed over the others. */
export interface BackendSelection {
  readonly name: BackendName;
  readonly request: BackendRequest;
  readonly description: string;
  /** Candidates tried before it (only under `auto`), each with the reason it was skipped. */
  readonly skipped: readonly { readonly name: BackendName; readonly reason: string }[];
  /** Candidates after it in auto's order, not tried (only under `auto`). */
  readonly untried: readonly BackendName[];
}

export interface SelectBackendOptions {
  /** Where the choice is printed (default: stderr). */
  readonly log?: (line: string) => void;
  /** Environment read for MIXED_R1_BACKEND when no request is given (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The printed lines: the choice, then each skipped candidate and why. */
export function describeSelection(s: BackendSelection): string[] {
  return [
    `tensor backend: ${s.name} (${s.description}; requested: ${s.request})`,
    ...s.skipped.map(({ name, reason }) => `  skipped ${name}: ${reason}`),
    ...s.untried.map((name) => `  not tried ${name}: ${s.name} comes first in auto's order`),
  ];
}

async function activate(request: BackendRequest): Promise<BackendSelection> {
  const order = request === 'auto' ? AUTO_ORDER : [request];
  const skipped: { name: BackendName; reason: string }[] = [];
  for (const name of order) {
    const candidate = BACKEND_CANDIDATES[name];
    try {
      await candidate.activate();
      registerGradients();
      const untried = request === 'auto' ? AUTO_ORDER.slice(AUTO_ORDER.indexOf(name) + 1) : [];
      return { name, request, description: candidate.description, skipped, untried };
    } catch (error) {
      if (!(error instanceof BackendUnavailable) || request !== 'auto') throw error;
      skipped.push({ name, reason: error.reason });
    }
  }
  throw new Error(`no tensor backend could be started: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
}

function resolveRequest(request: string | undefined, env: Readonly<Record<string, string | undefined>>): BackendRequest {
  if (request !== undefined) return parseBackendRequest(request, '--backend');
  const fromEnv = env[BACKEND_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? parseBackendRequest(fromEnv, BACKEND_ENV) : 'auto';
}

/** Holds the one choice of a process (the module keeps one; tests make their own). */
export class BackendSelector {
  private selection: { request: BackendRequest; result: Promise<BackendSelection> } | null = null;

  async select(request?: string, options: SelectBackendOptions = {}): Promise<BackendSelection> {
    const wanted = resolveRequest(request, options.env ?? process.env);
    if (this.selection) {
      const { request: first, result } = this.selection;
      const chosen = await result;
      if (wanted === 'auto' || wanted === first || wanted === chosen.name) return chosen;
      throw new Error(`tensor backend already chosen: ${chosen.name} (requested ${first}); cannot switch to ${wanted} in the same process`);
    }
    const result = activate(wanted);
    this.selection = { request: wanted, result };
    try {
      const chosen = await result;
      const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
      describeSelection(chosen).forEach((line) => log(line));
      return chosen;
    } catch (error) {
      this.selection = null;
      throw error;
    }
  }

  /** The backend chosen so far, or null. */
  async chosen(): Promise<BackendSelection | null> {
    return this.selection ? this.selection.result : null;
  }
}

const processSelector = new BackendSelector();

/**
 * Chooses the tensor backend, once per process: `request` (a flag's value), else MIXED_R1_BACKEND,
 * else `auto`, which tries tfjs-node-gpu, tfjs-node, wasm and cpu in that order. Prints the choice
 * and why the others were skipped. Asking again returns the same choice; asking for a different
 * backend once one is chosen is an error (tensors of two backends do not mix).
 */
export function selectBackend(request?: string, options?: SelectBackendOptions): Promise<BackendSelection> {
  return processSelector.select(request, options);
}

/** The backend chosen so far in this process, or null. */
export function chosenBackend(): Promise<BackendSelection | null> {
  return processSelector.chosen();
}
