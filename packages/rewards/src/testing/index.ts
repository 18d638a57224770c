// @mixed-r1/rewards/testing: fixtures for tests of code that uses the rewards (tiny embedding
// tables, a safetensors writer, a naive BMAS oracle).
export * from '../bmas/testing';
