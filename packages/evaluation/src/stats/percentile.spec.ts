import { quantileSorted } from './percentile';

// numpy.percentile(x, 100 q) with the default linear method, worked by hand: h = (n - 1) q.
describe('quantile (numpy linear)', () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75], // h = 0.75: 1 + 0.75 * (2 - 1)
    [[1, 2, 3, 4], 0.975, 3.925], // h = 2.925: 3 + 0.925 * (4 - 3)
    [[1, 2, 3, 4], 0.025, 1.075],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[10], 0.5, 10],
    [[0, 0, 1], 0.5, 0],
  ])('quantile(%j, %p) = %p', (values, q, expected) => {
    expect(quantileSorted(values, q)).toBeCloseTo(expected, 12);
  });

  it('refuses no values and q outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow('no values');
    expect(() => quantileSorted([1], 1.5)).toThrow('q must be in [0, 1], found 1.5');
  });
});
