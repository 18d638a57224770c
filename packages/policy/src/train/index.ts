export { nextTokenLoss, nextTokenLossOfHidden } from './next-token-loss';
export { lossAndGradients, type LossAndGradients } from './gradients';
