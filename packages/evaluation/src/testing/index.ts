// @mixed-r1/evaluation/testing: fixtures for tests of evaluation and of code that uses it.
import path from 'node:path';

export { FakeGenerator, formatted } from './fake-generator';
export { tinyPng, tinyPngBase64, type Rgb } from './tiny-png';
export { scoredRow } from './scored-rows';
export { writeSyntheticBench } from './synthetic-bench';
export { CHROMIUM, chromiumAvailable, chromiumDumpDom, chromiumScreenshot } from './headless-chromium';

/**
 * Benchmark fixtures written by pandas as VLMEvalKit writes them (make_tsv_fixtures.py), each with
 * `<name>.pandas.json`, pandas' own reading of it; images in `images/`.
 */
export const FIXTURES_DIR = path.join(__dirname, 'fixtures');

/** The path of a fixture file. */
export const fixturePath = (name: string): string => path.join(FIXTURES_DIR, name);
