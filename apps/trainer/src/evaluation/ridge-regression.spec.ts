import { choleskySolve, fitRidge, predictRidge } from './ridge-regression';

describe('choleskySolve', () => {
  it('solves a hand-made 2 x 2 system', () => {
    // [[4, 2], [2, 3]] x = [2, 1]  ->  x = [0.5, 0]
    expect([...choleskySolve(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2)]).toEqual([0.5, 0]);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => choleskySolve(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toThrow('not positive definite');
  });
});

describe('fitRidge', () => {
  it('recovers an exact linear law (small lambda) and predicts unseen rows', () => {
    // y = 3 x0 - 2 x1 + 5 on a grid of points
    const rows: number[][] = [];
    for (let a = 0; a < 5; a++) for (let b = 0; b < 4; b++) rows.push([a, b * 0.5]);
    const fit = fitRidge(rows, rows.map(([x0, x1]) => 3 * x0 - 2 * x1 + 5), 1e-9);
    expect(fit.weights[0]).toBeCloseTo(3, 6);
    expect(fit.weights[1]).toBeCloseTo(-2, 6);
    expect(fit.intercept).toBeCloseTo(5, 6);
    expect(predictRidge(fit, [10, -1])).toBeCloseTo(37, 5);
  });

  it('shrinks the slope as lambda grows, leaving the intercept at the mean (one feature, closed form)', () => {
    // centred x = [-1, 0, 1], y = 2 x + 1: slope = sum(x y) / (sum(x^2) + lambda) = 4 / (2 + 2) = 1
    const fit = fitRidge([[-1], [0], [1]], [-1, 1, 3], 2);
    expect(fit.weights[0]).toBeCloseTo(1, 10);
    expect(fit.intercept).toBeCloseTo(1, 10);
  });

  it('names mismatched inputs', () => {
    expect(() => fitRidge([[1]], [1, 2], 1)).toThrow('1 rows for 2 targets');
  });
});
