/**
 * GRPO update-step throughput on the policy package's tiny Qwen2.5-VL configuration: completion
 * tokens per second of `GrpoOptimizer.step` (reference forward, policy forward and backward per
 * micro-batch, loss, guards, clipping, AdamW), and the share of the step spent outside the model's
 * forward/backward (target: under 10%).
 *
 *   npx tsx tools/bench/grpo/grpo.ts [--backend wasm] [--prompts 2] [--group 8] [--length 96]
 *     [--prompt-tokens 40] [--image 8] [--micro-batch 8] [--mu 1] [--beta 0.04] [--repeats 5]
 *
 * The model share is measured two ways: by the optimizer's own timers (time inside
 * policy.tokenLogProbs, the backward pass, the reference forward), and against a bare
 * forward/backward of the same micro-batches (tf.variableGrads of sum(log-probs), plus the same
 * reference forward) timed alone, alternating with the steps; that comparison uses process CPU time
 * (steadier than wall-clock time on a shared machine). Medians over the repeats, after a warm-up.
 */
import { GrpoOptimizer, microBatches, qwenLogProbPolicy, resolveGrpoConfig } from '@mixed-r1/grpo';
import { bareModelPass } from '@mixed-r1/grpo/testing';
import { initParameters, PolicyParameters, Rng, selectBackend, tinyConfig } from '@mixed-r1/policy';
import { randomImage, tinyPromptIds } from '@mixed-r1/policy/testing';

const OVERHEAD_TARGET = 0.1;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
const numberOption = (name: string, fallback: number) => Number(option(name, String(fallback)));

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Rollout {
  readonly sampleId: string;
  readonly groupIndex: number;
  readonly completionTokenIds: number[];
}

/** A frozen copy of the parameters (the reference model). */
async function frozenCopy(params: PolicyParameters): Promise<PolicyParameters> {
  return PolicyParameters.fromValues(params.config, await params.values(), { trainable: false, source: 'reference' });
}

async function main(): Promise<void> {
  const backend = option('backend', 'wasm');
  const prompts = numberOption('prompts', 2);
  const group = numberOption('group', 8);
  const length = numberOption('length', 96);
  const promptTokens = numberOption('prompt-tokens', 40);
  const imageSide = numberOption('image', 8);
  const repeats = numberOption('repeats', 5);
  const beta = numberOption('beta', 0.04);
  const selection = await selectBackend(backend, { log: () => undefined });
  const config = resolveGrpoConfig({
    numGenerations: group,
    beta,
    mu: numberOption('mu', 1),
    microBatchSize: numberOption('micro-batch', group),
    freeze: ['visual.'],
    optimizer: { learningRate: 1e-5 },
  });

  const params = initParameters(tinyConfig(), { seed: 0 });
  const referenceParams = beta > 0 ? await frozenCopy(params) : null;
  const rng = Rng.fromSeed(1);
  // Each prompt: an image of imageSide^2 patches (imageSide^2 / 4 tokens) inside about promptTokens text tokens.
  const promptOf = new Map(
    Array.from({ length: prompts }, (_, p) => [
      `prompt-${p}`,
      { tokenIds: tinyPromptIds((imageSide * imageSide) / 4, 10 + p, promptTokens / 2, promptTokens / 2), images: [randomImage(imageSide, imageSide, 20 + p)] },
    ]),
  );
  const rollouts: Rollout[] = [...promptOf.keys()].flatMap((sampleId) =>
    Array.from({ length: group }, (_, groupIndex) => ({
      sampleId,
      groupIndex,
      // Lengths spread over [length / 2, length]: padding as in a real batch.
      completionTokenIds: Array.from({ length: length - Math.floor((groupIndex * length) / (2 * group)) }, () => Math.floor(rng.nextFloat() * 900)),
    })),
  );
  const advantages = rollouts.map((r) => (r.groupIndex % 2 === 0 ? 1 : -1) * (0.5 + r.groupIndex / (2 * group)));
  const prompt = (r: Rollout) => promptOf.get(r.sampleId) as { tokenIds: number[] };
  const policy = qwenLogProbPolicy<Rollout>(params, { prompt });
  const reference = referenceParams ? qwenLogProbPolicy<Rollout>(referenceParams, { prompt }) : null;
  const optimizer = new GrpoOptimizer({ policy, reference, config });
  const tokens = rollouts.reduce((n, r) => n + r.completionTokenIds.length, 0);
  const batch = { sequences: rollouts, advantages, skipped: [] };

  console.log(
    `tensor backend: ${selection.name}; tiny config (vision tower frozen); ${prompts} prompts x ${group} completions, ` +
      `${tokens} completion tokens (${length / 2}-${length} each), prompts of ${promptTokens} text + ${(imageSide * imageSide) / 4} image tokens; ` +
      `micro-batch ${config.microBatchSize}, mu ${config.mu}, beta ${config.beta}, loss ${config.lossType}`,
  );
  const variables = [...optimizer.variables.values()];
  const batches = microBatches(rollouts.map((_, i) => i), config.microBatchSize);
  optimizer.step(batch); // warm-up: kernels, optimizer moments
  bareModelPass(policy, reference, rollouts, batches, variables);
  // Step and bare model work alternate, so that both see the same load on a shared machine.
  const runs = Array.from({ length: repeats }, () => {
    const stepCpu = process.cpuUsage();
    const metrics = optimizer.step(batch).metrics;
    const stepCpuSeconds = cpuSeconds(process.cpuUsage(stepCpu));
    const bareStart = performance.now();
    const bareCpu = process.cpuUsage();
    for (let k = 0; k < config.mu; k++) bareModelPass(policy, k === 0 ? reference : null, rollouts, batches, variables);
    const bareCpuSeconds = cpuSeconds(process.cpuUsage(bareCpu));
    const sum = (f: (m: (typeof metrics)[number]) => number) => metrics.reduce((s, m) => s + f(m), 0);
    return {
      seconds: sum((m) => m.seconds),
      modelSeconds: sum((m) => m.modelSeconds),
      bareSeconds: (performance.now() - bareStart) / 1000,
      stepCpuSeconds,
      bareCpuSeconds,
    };
  });
  const seconds = median(runs.map((r) => r.seconds));
  const modelSeconds = median(runs.map((r) => r.modelSeconds));
  const internalShare = median(runs.map((r) => 1 - r.modelSeconds / r.seconds));
  const bare = median(runs.map((r) => r.bareSeconds));
  const externalShare = median(runs.map((r) => 1 - r.bareCpuSeconds / r.stepCpuSeconds));
  const stepCpu = median(runs.map((r) => r.stepCpuSeconds));
  const bareCpu = median(runs.map((r) => r.bareCpuSeconds));

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`update step: ${(seconds * 1000).toFixed(0)} ms for ${config.mu} optimizer step(s), ${((tokens * config.mu) / seconds).toFixed(0)} completion tokens/s (${((tokens * config.mu) / stepCpu).toFixed(0)} per second of process CPU time)`);
  console.log(`  model forward/backward by the optimizer's timers: ${(modelSeconds * 1000).toFixed(0)} ms; outside the model (median over the runs): ${pct(internalShare)}`);
  console.log(`  bare model forward/backward of the same micro-batches: ${(bare * 1000).toFixed(0)} ms wall; process CPU time: step ${(stepCpu * 1000).toFixed(0)} ms, bare ${(bareCpu * 1000).toFixed(0)} ms; outside the model (1 - bare / step, median over the runs): ${pct(externalShare)}`);
  const worst = Math.max(internalShare, externalShare);
  console.log(`  target: outside the model < ${pct(OVERHEAD_TARGET)}: ${worst < OVERHEAD_TARGET ? 'met' : 'not met'}`);
  optimizer.dispose();
  params.dispose();
  referenceParams?.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
