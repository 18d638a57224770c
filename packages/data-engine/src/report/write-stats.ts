import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeStats, type StatsInput } from './stats';
import { statsHtml } from './stats-html';
import { statsMarkdown } from './stats-markdown';

/** Writes stats.md and stats.html into `outDir`. */
export function writeStats(outDir: string, input: StatsInput): void {
  const stats = computeStats(input);
  writeFileSync(join(outDir, 'stats.md'), statsMarkdown(input.manifest, stats));
  writeFileSync(join(outDir, 'stats.html'), statsHtml(input.manifest, stats));
}
