import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * What the predictions in an output folder were generated with. A resumed run must use the same:
 * predictions of another model, prompt or decoding setting must not be mixed into one result.
 */
export type RunManifest = Readonly<Record<string, unknown>>;

export const RUN_MANIFEST_FILE = 'run.json';

/**
 * Checks the manifest of a predictions folder against this run's (when the folder has one) and
 * returns the text to write. A difference is an error naming each setting and both values.
 */
export function checkRunManifest(predictionsDir: string, manifest: RunManifest): string {
  const file = path.join(predictionsDir, RUN_MANIFEST_FILE);
  if (existsSync(file)) {
    let previous: Record<string, unknown>;
    try {
      previous = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${(error as Error).message}); remove the predictions folder to start over`);
    }
    // This run's manifest as the file would hold it, so both sides are plain JSON values.
    const current = JSON.parse(JSON.stringify(manifest)) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(previous), ...Object.keys(current)])];
    const differences = keys.filter((key) => !isDeepStrictEqual(previous[key], current[key]));
    if (differences.length > 0) {
      const described = differences.map((key) => `${key}: ${JSON.stringify(previous[key])} then, ${JSON.stringify(manifest[key])} now`);
      throw new Error(
        `${predictionsDir} holds predictions made with other settings (${described.join('; ')}); give another --out, or remove ${predictionsDir} to generate again`,
      );
    }
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
