import { BACKEND_REQUESTS, isBackendRequest, parseBackendRequest } from './backend-name';

describe('parseBackendRequest', () => {
  it('accepts every request, case- and space-insensitively', () => {
    for (const request of BACKEND_REQUESTS) expect(parseBackendRequest(` ${request.toUpperCase()} `, '--backend')).toBe(request);
  });

  it('names the source and the valid values for an unknown backend', () => {
    expect(() => parseBackendRequest('webgl', 'MIXED_R1_BACKEND')).toThrow(
      'MIXED_R1_BACKEND: unknown tensor backend "webgl"; expected one of auto, tensorflow-gpu, tensorflow, wasm, cpu',
    );
    expect(isBackendRequest('gpu')).toBe(false);
  });
});
