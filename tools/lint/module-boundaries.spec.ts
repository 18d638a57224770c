import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The workspace's dependency rules, checked through the real lint configuration: each probe is
// linted as if it were a file of the named package.
const ROOT = join(__dirname, '..', '..');

const BOUNDARY_RULES = ['@nx/enforce-module-boundaries', 'no-restricted-imports'];

interface LintMessage {
  ruleId: string | null;
  message: string;
}

async function boundaryErrors(packageName: string, source: string): Promise<string[]> {
  const eslint = join(ROOT, 'node_modules', '.bin', 'eslint');
  const filename = join('packages', packageName, 'src', 'boundary-probe.ts');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', filename, '--format', 'json'], { cwd: ROOT, input: source, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return result.messages.filter((message) => BOUNDARY_RULES.includes(message.ruleId ?? '')).map((message) => message.message);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it('lets rewards import records', async () => {
    expect(await boundaryErrors('rewards', "import { TASK_TYPES } from '@mixed-r1/records';\nexport const t = TASK_TYPES;\n")).toEqual([]);
  });

  it('forbids records from importing rewards', async () => {
    const errors = await boundaryErrors('records', "import { extractAnswer } from '@mixed-r1/rewards';\nexport const f = extractAnswer;\n");
    expect(errors.join('\n')).toMatch(/tagged with|Circular dependency between "records" and "rewards"/);
  });

  it.each([
    ['records', 'sharp'],
    ['rewards', 'sharp'],
    ['records', '@tensorflow/tfjs-core'],
    ['rewards', '@tensorflow/tfjs-core'],
    ['data-engine', 'sharp'],
    ['data-engine', '@tensorflow/tfjs-core'],
    ['vision', '@tensorflow/tfjs-core'],
    ['policy', 'sharp'],
    ['grpo', 'sharp'],
  ])('forbids %s from importing %s', async (packageName, moduleName) => {
    const errors = await boundaryErrors(packageName, `import * as m from '${moduleName}';\nexport const x = m;\n`);
    expect(errors).toContain(`A project tagged with "scope:${packageName}" is not allowed to import "${moduleName}"`);
  });

  it('forbids deep imports into another package', async () => {
    const errors = await boundaryErrors('rewards', "import { buildBatch } from '@mixed-r1/records/src/build';\nexport const b = buildBatch;\n");
    expect(errors.join('\n')).toMatch(/public entry/);
  });

  it('forbids relative imports into another package', async () => {
    const errors = await boundaryErrors('rewards', "import { buildBatch } from '../../records/src/build';\nexport const b = buildBatch;\n");
    expect(errors).toHaveLength(1);
  });

  it("allows a package's ./testing entry", async () => {
    const source = "import { exampleSampleRows } from '@mixed-r1/records/testing';\nexport const e = exampleSampleRows;\n";
    expect(await boundaryErrors('rewards', source)).toEqual([]);
  });
});
