export { fixtureRun, proceduralSamples, runTrainerCli } from './fixture-run';
export { savedTensors, changedTensors } from './saved-tensors';
