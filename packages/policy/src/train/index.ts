export { nextTokenLoss } from './next-token-loss';
export { lossAndGradients, type LossAndGradients } from './gradients';
