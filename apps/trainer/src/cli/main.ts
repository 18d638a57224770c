#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { selectBackend } from '@mixed-r1/policy';
import { resolveTrainerConfig, TRAINER_DEFAULTS } from '../config/trainer-config';
import { latestCheckpoint } from '../run/checkpoints';
import { runSft } from '../sft/run-sft';
import { runPerception } from '../perception/run-perception';
import { runTrain } from '../train/run-train';
import { runPassRate } from '../pass-rate/run-pass-rate';
import { REPLAY_STAGES, replayStage, type ReplayStage } from '../replay/replay-stage';
import { relianceTable, runImageReliance } from '../evaluation/image-reliance';
import { headAblationTable, runHeadAblation } from '../evaluation/head-ablation';
import { probeTable, runPositionProbe } from '../evaluation/position-probe';
import { referentTable, runReferentProbe } from '../evaluation/referent-probe';
import { configLayers } from './config-layers';

const SETTINGS_HELP = `Settings (defaults < --config FILE < command line, e.g. --sft.steps=100 --grpo.groupSize=4):
${JSON.stringify(TRAINER_DEFAULTS, null, 2)}`;

/**
 * SIGINT asks the loop to checkpoint and stop after the current step (a second one exits at once);
 * `--stop-after N` does the same after N steps of this invocation (to run a long job in slices).
 */
function stopOnInterrupt(stopAfter: unknown): () => boolean {
  let requested = false;
  let steps = 0;
  const limit = typeof stopAfter === 'number' ? stopAfter : Infinity;
  process.once('SIGINT', () => {
    requested = true;
    console.error('\ninterrupt: saving a checkpoint after this step (press Ctrl-C again to exit now)');
    process.once('SIGINT', () => process.exit(130));
  });
  return () => requested || ++steps >= limit;
}

async function sft(args: Record<string, unknown>): Promise<void> {
  const config = resolveTrainerConfig(configLayers(args));
  const backend = await selectBackend(config.backend);
  console.log(`backend: ${backend.name}`);
  const resumeFrom = typeof args.resume === 'string' ? latestCheckpoint(args.resume) : null;
  const result = await runSft({ config, resumeFrom, shouldStop: stopOnInterrupt(args['stop-after']) });
  await result.policy.save(`${config.out}/model`);
  console.log(`sft: ${result.steps} steps, last loss ${result.finalLoss.toFixed(4)}, validation loss ${result.validationLoss?.toFixed(4) ?? 'n/a'}; model in ${config.out}/model`);
}

async function perceive(args: Record<string, unknown>): Promise<void> {
  const config = resolveTrainerConfig(configLayers(args));
  const backend = await selectBackend(config.backend);
  console.log(`backend: ${backend.name}`);
  const resumeFrom = typeof args.resume === 'string' ? latestCheckpoint(args.resume) : null;
  const result = await runPerception({ config, resumeFrom, shouldStop: stopOnInterrupt(args['stop-after']) });
  await result.policy.save(`${config.out}/model`);
  const accuracy = result.accuracy;
  const shares = accuracy
    ? `held-out object tokens: shape ${accuracy.objectShape.toFixed(3)}, colour ${accuracy.objectColour.toFixed(3)}, both ${accuracy.objectBoth.toFixed(3)}; background ${accuracy.background.toFixed(3)}`
    : 'no held-out scenes';
  console.log(`perceive: ${result.steps} steps, last loss ${result.finalLoss.toFixed(4)}, ${shares}; model in ${config.out}/model`);
}

async function train(args: Record<string, unknown>): Promise<void> {
  const config = resolveTrainerConfig(configLayers(args));
  const backend = await selectBackend(config.backend);
  console.log(`backend: ${backend.name}`);
  const resumeFrom = typeof args.resume === 'string' ? latestCheckpoint(args.resume) : null;
  const dumpDir = typeof args['dump-batches'] === 'string' ? (args['dump-batches'] as string) : null;
  const result = await runTrain({ config, resumeFrom, dumpDir, shouldStop: stopOnInterrupt(args['stop-after']) });
  if (result.comparisonMarkdown) console.log(result.comparisonMarkdown);
  console.log(`${result.stopped ? 'stopped (resume with --resume ' + config.out + ')' : 'done'}: model ${result.modelDir}, report ${result.reportFile}`);
}

async function passRate(args: Record<string, unknown>): Promise<void> {
  const config = resolveTrainerConfig(configLayers(args));
  const backend = await selectBackend(config.backend);
  console.log(`backend: ${backend.name}`);
  const rows = await runPassRate({ config, samples: args.samples as number, k: args.k as number, out: args['pass-rates'] as string });
  const informative = rows.filter((row) => row.passRate > 0 && row.passRate < 1).length;
  console.log(`pass rates of ${rows.length} samples written to ${args['pass-rates']}; ${informative} with 0 < rate < 1 (kept by the difficulty filter)`);
}

async function imageReliance(args: Record<string, unknown>): Promise<void> {
  const perTask = args['per-task'];
  if (!(Number.isInteger(perTask) && (perTask as number) >= 2)) throw new Error(`--per-task must be a whole number >= 2 (an image needs a partner), found ${String(perTask)}`);
  const config = resolveTrainerConfig(configLayers(args));
  await selectBackend(config.backend);
  console.log(relianceTable(await runImageReliance(config, perTask as number)));
}

async function headAblation(args: Record<string, unknown>): Promise<void> {
  const perTask = args['per-task'];
  if (!(Number.isInteger(perTask) && (perTask as number) >= 1)) throw new Error(`--per-task must be a whole number >= 1, found ${String(perTask)}`);
  const config = resolveTrainerConfig(configLayers(args));
  await selectBackend(config.backend);
  console.log(headAblationTable(await runHeadAblation(config, perTask as number)));
}

async function positionProbe(args: Record<string, unknown>): Promise<void> {
  const count = args.images;
  if (!(Number.isInteger(count) && (count as number) >= 4)) throw new Error(`--images must be a whole number >= 4 (70% fit the read-out, 30% test it), found ${String(count)}`);
  const config = resolveTrainerConfig(configLayers(args));
  await selectBackend(config.backend);
  console.log(probeTable(await runPositionProbe(config, count as number)));
  if (config.data.tasks.includes('grounding')) console.log(`\n${referentTable(await runReferentProbe(config, count as number))}`);
}

function replay(args: Record<string, unknown>): void {
  const config = resolveTrainerConfig(configLayers(args));
  const stage = args.stage as ReplayStage;
  const result = replayStage(args.dir as string, stage, config);
  const rows = result.recomputed.numRows;
  if (result.differingRows.length > 0) {
    console.error(`replay ${stage}: ${result.differingRows.length} of ${rows} rows differ from the dumped batch (rows ${result.differingRows.slice(0, 10).join(', ')})`);
    process.exitCode = 1;
  } else {
    console.log(`replay ${stage}: all ${rows} rows equal the dumped batch`);
  }
}

export async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName('trainer')
    .usage(SETTINGS_HELP)
    .option('config', { type: 'string', describe: 'JSON file of settings' })
    .option('resume', { type: 'string', describe: 'run folder (or checkpoint folder) to continue' })
    .option('stop-after', { type: 'number', describe: 'checkpoint and stop after this many steps of this invocation' })
    .command('sft', 'supervised fine-tuning on worked solutions', {}, (args) => sft(args))
    .command('perceive', 'train the vision tower to tell each image token\'s shape and colour (procedural scenes)', {}, (args) => perceive(args))
    .command(
      'train',
      'GRPO with the mixed reward, evaluated before and after',
      (y) => y.option('dump-batches', { type: 'string', describe: 'write every step\'s Arrow batches into this folder' }),
      (args) => train(args),
    )
    .command(
      'pass-rate',
      'sample k completions per sample and write the pass-rate file of the data engine\'s difficulty filter',
      (y) =>
        y
          .option('samples', { type: 'number', default: 200, describe: 'how many samples (from the start of the shards)' })
          .option('k', { type: 'number', default: 8, describe: 'completions per sample' })
          .option('pass-rates', { type: 'string', demandOption: true, describe: 'the Arrow file to write (sample_id, pass_rate, k)' }),
      (args) => passRate(args),
    )
    .command(
      'image-reliance',
      'does the model read its images? target loss with each sample\'s own image and with another',
      (y) => y.option('per-task', { type: 'number', default: 40, describe: 'samples per task type (from the start of the shards)' }),
      (args) => imageReliance(args),
    )
    .command(
      'head-ablation',
      'what each decoder attention head is worth: the target loss with that head\'s output removed',
      (y) => y.option('per-task', { type: 'number', default: 8, describe: 'samples per task type (from the start of the shards)' }),
      (args) => headAblation(args),
    )
    .command(
      'position-probe',
      'does the model know where image tokens and objects are, and does its answer gather the asked-for box? linear read-outs at the tower and after each decoder layer',
      (y) => y.option('images', { type: 'number', default: 200, describe: 'procedural scenes probed, and grounding questions (from the start of the shards; 70% fit, 30% test)' }),
      (args) => positionProbe(args),
    )
    .command(
      'replay',
      'recompute one stage of a step dumped with --dump-batches and compare it with the dump',
      (y) =>
        y
          .option('stage', { choices: REPLAY_STAGES, demandOption: true, describe: 'the stage to recompute from its input batches' })
          .option('dir', { type: 'string', demandOption: true, describe: 'a step folder of the dump (step-000001)' }),
      (args) => replay(args),
    )
    .demandCommand(1)
    .showHelpOnFail(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .strictCommands()
    .help()
    .parseAsync();
}

if (require.main === module) {
  main(hideBin(process.argv)).catch((error: Error) => {
    console.error(`trainer: ${error.message}`);
    process.exit(1);
  });
}
