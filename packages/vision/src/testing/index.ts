// @mixed-r1/vision/testing: the Pillow reference fixtures (tools/vision-reference/make_fixtures.py)
// and their loaders, deterministic synthetic images, and benchmark JPEGs.
export * from './fixtures';
export { hash32, syntheticRgb } from './synthetic';
export { makeBenchJpegs, type BenchImageOptions } from './bench-images';
