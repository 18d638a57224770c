export { BACKEND_REQUESTS, BACKEND_ENV, parseBackendRequest, isBackendRequest, type BackendRequest, type BackendName } from './backend-name';
export { selectBackend, describeSelection, chosenBackend, type BackendSelection, type SelectBackendOptions } from './select-backend';
export { BackendUnavailable } from './candidates/backend-candidate';
export { matMul, transposeLast } from './mat-mul';
export { linearOp } from './linear-op';
export { registerUnsortedSegmentSum, unsortedSegmentSumValues } from './unsorted-segment-sum';
export { GRADIENTS, registerGradients } from './gradients/registry';
export { registerWasmKernels } from './wasm-kernels';
