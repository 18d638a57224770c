/**
 * The part of the WebAssembly JavaScript API this package uses, typed here because the
 * workspace's TypeScript libs (ES2022, no DOM) do not declare the `WebAssembly` global.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grows by `pages` of 64 KiB; throws RangeError when it cannot. */
  grow(pages: number): number;
}

export type WasmModule = object;

export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => { readonly exports: Record<string, unknown> };
}

/** The runtime's WebAssembly API, or null where there is none. */
export function wasmApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return typeof api === 'object' && api !== null ? api : null;
}
