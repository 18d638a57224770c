import { DEFAULT_ENGINE_CONFIG } from '../config/engine-config';
import { defaultJobDeps } from './default-deps';
import type { Job } from './job';
import { inProcessRunner } from './runner';
import { WorkerPool } from './worker-pool';

const limits = DEFAULT_ENGINE_CONFIG.limits;

describe('WorkerPool', () => {
  it('gives the same outcomes as the in-process runner, for generated and given candidates', async () => {
    const local = inProcessRunner(defaultJobDeps(limits));
    const jobs: Job[] = ['chart', 'grounding', 'yes-no', 'multiple-choice', 'open-ended'].flatMap((generator) => [0, 1].map((index): Job => ({ kind: 'procedural', generator, seed: 3, index })));
    const generated = await local.run(jobs[0]);
    if (generated.kind !== 'valid') throw new Error('expected a valid sample');
    jobs.push({ kind: 'candidate', candidate: { ...generated.sample, id: 'given' }, imageRoot: null });
    jobs.push({ kind: 'candidate', candidate: { ...generated.sample, id: 'broken', imageBytes: Uint8Array.from([1, 2, 3]) }, imageRoot: null });
    const pool = WorkerPool.start(2, limits);
    try {
      const [inPool, inProcess] = await Promise.all([Promise.all(jobs.map((job) => pool.run(job))), Promise.all(jobs.map((job) => local.run(job)))]);
      expect(inPool).toEqual(inProcess);
      expect(inPool.filter((outcome) => outcome.kind === 'valid')).toHaveLength(11);
      expect(inPool.at(-1)).toMatchObject({ kind: 'rejected', stage: 'validate', sampleId: 'broken', reason: expect.stringMatching(/^image undecodable/) });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('fails the job, naming the worker, when the work throws', async () => {
    const pool = WorkerPool.start(1, limits);
    try {
      await expect(pool.run({ kind: 'procedural', generator: 'no-such-generator', seed: 1, index: 0 })).rejects.toThrow(/pipeline worker: .*unknown procedural generator "no-such-generator"/);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
