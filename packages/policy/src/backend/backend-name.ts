/** What `--backend` and `MIXED_R1_BACKEND` accept: one tensor backend, or `auto` to try them in order. */
export const BACKEND_REQUESTS = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendRequest = (typeof BACKEND_REQUESTS)[number];
export type BackendName = Exclude<BackendRequest, 'auto'>;

/** The environment variable read when no request is given. */
export const BACKEND_ENV = 'MIXED_R1_BACKEND';

export function isBackendRequest(value: unknown): value is BackendRequest {
  return typeof value === 'string' && (BACKEND_REQUESTS as readonly string[]).includes(value);
}

/** `value` as a backend request; `source` names where it came from (a flag, the environment). */
export function parseBackendRequest(value: string, source: string): BackendRequest {
  const trimmed = value.trim().toLowerCase();
  if (isBackendRequest(trimmed)) return trimmed;
  throw new TypeError(`${source}: unknown tensor backend ${JSON.stringify(value)}; expected one of ${BACKEND_REQUESTS.join(', ')}`);
}
