import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';

/** File extensions taken as images when a folder is scanned (case-insensitive). */
export const IMAGE_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.tif', '.tiff', '.bmp'];

export interface ImageFile {
  /** The path relative to the scanned folder, with '/' separators (the file name for a single file). */
  readonly sampleId: string;
  readonly path: string;
}

export interface ImageFileList {
  /** Whether the input was a folder (scanned) rather than one file. */
  readonly folder: boolean;
  /** The image files, sorted by sample id. */
  readonly files: ImageFile[];
  /** Entries of the folder that were not taken: files without an image extension, links to folders, ... */
  readonly skipped: number;
}

export function isImagePath(path: string): boolean {
  return IMAGE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/**
 * The images under `inPath`: the file itself, or every file with an image extension in the folder
 * and its subfolders (recursively; symbolic links to files are followed, to folders not, so a
 * link cannot make a cycle). Throws when `inPath` does not exist.
 */
export function listImageFiles(inPath: string): ImageFileList {
  const stats = statSync(inPath, { throwIfNoEntry: false });
  if (stats === undefined) throw new Error(`--in ${inPath}: no such file or folder`);
  if (!stats.isDirectory()) return { folder: false, files: [{ sampleId: basename(inPath), path: inPath }], skipped: 0 };
  const files: ImageFile[] = [];
  let skipped = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (isImagePath(entry.name) && isFile(entry, path)) files.push({ sampleId: relative(inPath, path).split(sep).join('/'), path });
      else skipped++;
    }
  };
  visit(inPath);
  files.sort((a, b) => (a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : 0));
  return { folder: true, files, skipped };
}

function isFile(entry: Dirent, path: string): boolean {
  return entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile() === true);
}
