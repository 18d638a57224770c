export { fixtureRun, proceduralSamples, runTrainerCli } from './fixture-run';
