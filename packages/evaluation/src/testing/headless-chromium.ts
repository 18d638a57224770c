import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's chromium (`apt-get install chromium`), which the report tests drive headless. */
export const CHROMIUM = '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

/** Flags for a quiet, offline, sandbox-free headless run with its own throwaway profile. */
function flags(profile: string, width: number, height: number): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`,
  ];
}

async function withProfile<T>(work: (profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  try {
    return await work(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The DOM of a page after it loaded (scripts run), as Chromium serialises it (`--dump-dom`). */
export function chromiumDumpDom(htmlFile: string, size: { width: number; height: number } = { width: 1200, height: 3000 }): Promise<string> {
  return withProfile(async (profile) => {
    const { stdout } = await run(CHROMIUM, [...flags(profile, size.width, size.height), '--dump-dom', `file://${path.resolve(htmlFile)}`], { maxBuffer: 64 << 20, timeout: 60_000 });
    return stdout;
  });
}

/** A PNG screenshot of the page's first `height` pixels (`--screenshot`). */
export function chromiumScreenshot(htmlFile: string, pngFile: string, size: { width: number; height: number }): Promise<void> {
  return withProfile(async (profile) => {
    await run(CHROMIUM, [...flags(profile, size.width, size.height), `--screenshot=${path.resolve(pngFile)}`, `file://${path.resolve(htmlFile)}`], { timeout: 60_000 });
  });
}
