import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';

/** An image path that may not be followed: outside its root, absolute, or missing. */
export class ImagePathError extends Error {
  constructor(
    readonly imagePath: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ImagePathError';
  }
}

/** True when `path` (absolute) is `root` itself or lies below it. */
function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!isAbsolute(fromRoot) && fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`));
}

// Duck-typed: errors from Node's fs may come from another realm (a test sandbox), failing `instanceof Error`.
function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as NodeJS.ErrnoException).code : undefined;
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}

/**
 * The real path of the file `relativePath` names inside `root`, for reading an image that an
 * annotation file refers to. Never follows a path out of the root: an absolute path, a `..` that
 * climbs above the root, or a symbolic link (anywhere on the way) whose target lies outside the
 * root's real path is refused with an `ImagePathError`, as is a path to no file. The path is
 * checked as written before anything on disk is looked at, then the real path is checked again.
 * A root that cannot be resolved is a configuration error and throws a plain `Error`.
 */
export async function resolveInsideRoot(root: string, relativePath: string): Promise<string> {
  const shown = JSON.stringify(relativePath);
  if (relativePath.trim() === '') throw new ImagePathError(relativePath, 'empty image path');
  if (relativePath.includes('\0')) throw new ImagePathError(relativePath, `image path ${shown} contains a NUL byte`);
  if (isAbsolute(relativePath) || win32.isAbsolute(relativePath)) {
    throw new ImagePathError(relativePath, `image path ${shown} is absolute; expected a path relative to the image root`);
  }
  const absoluteRoot = resolve(root);
  const lexical = resolve(absoluteRoot, relativePath);
  if (!isInside(absoluteRoot, lexical)) {
    throw new ImagePathError(relativePath, `image path ${shown} escapes the image root ${absoluteRoot} through ".."`);
  }
  let realRoot: string;
  try {
    realRoot = await realpath(absoluteRoot);
  } catch (error) {
    throw new Error(`image root ${absoluteRoot} cannot be resolved: ${messageOf(error)}`);
  }
  let real: string;
  try {
    real = await realpath(lexical);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ImagePathError(relativePath, `image file not found: ${shown} under ${absoluteRoot}`);
    }
    throw new ImagePathError(relativePath, `image path ${shown} cannot be resolved: ${messageOf(error)}`);
  }
  if (!isInside(realRoot, real)) {
    throw new ImagePathError(relativePath, `image path ${shown} is a symbolic link to ${real}, outside the image root`);
  }
  if (!(await stat(real)).isFile()) throw new ImagePathError(relativePath, `image path ${shown} is not a file`);
  return real;
}
