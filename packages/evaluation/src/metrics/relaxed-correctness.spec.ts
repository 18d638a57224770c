import { relaxedAccuracy, relaxedCorrectness, toFloatPix2struct } from './relaxed-correctness';

// pix2struct/metrics.py relaxed_correctness(target, prediction), worked by hand from its code:
//   p = _to_float(prediction); t = _to_float(target)
//   if p is not None and t: return abs(p - t) / abs(t) <= 0.05
//   else: return prediction.lower() == target.lower()
// (each case also agrees with the reference run under CPython 3.11).
describe("ChartQA relaxed accuracy (pix2struct's relaxed_correctness)", () => {
  it.each([
    // within 5% of a non-zero target, both ways, including the boundary
    ['100', '105', true],
    ['100', '95', true],
    ['100', '94.99', false],
    ['20', '21', true],
    ['-5', '-5.2', true],
    ['-5', '5', false],
    // floating point exactly as Python computes it: (1.05 - 1) / 1 = 0.050000000000000044 > 0.05
    ['1', '1.05', false],
    ['0.3', '0.315', false],
    // a target of 0 (or -0, 0.0) is falsy: only the exact, case-insensitive string matches
    ['0', '0', true],
    ['0', '0.0', false],
    ['0.0', '0', false],
    ['0', '1e-9', false],
    ['-0', '0', false],
    // percentages: a text ending in "%" is float(text.rstrip("%")) / 100
    ['45%', '0.45', true],
    ['0.45', '45%', true],
    ['45%', '45', false],
    ['45', '45%', false],
    ['12%%', '0.12', true],
    [' 45%', '0.45', true],
    // "45% " does not end in "%" and is not a float: string comparison
    ['45% ', '0.45', false],
    ['45% ', '45% ', true],
    ['%', '%', true],
    // what Python's float reads and what it does not
    ['1e3', '1000', true],
    ['1_000', '1000', true],
    ['.5', '0.5', true],
    ['1,234', '1234', false],
    ['1,234', '1,234', true],
    // text answers: lower-cased exact match
    ['Yes', 'yes', true],
    ['Yes', 'yes.', false],
    // NaN and infinity targets are truthy, and every relative change against them is NaN (False)
    ['nan', 'nan', false],
    ['inf', 'inf', false],
    ['Infinity', '1', false],
  ])('relaxed_correctness(target=%j, prediction=%j) is %p', (target, prediction, expected) => {
    expect(relaxedCorrectness(target, prediction)).toBe(expected);
  });

  it('reads percentages and numbers as _to_float does', () => {
    expect(toFloatPix2struct('45%')).toBeCloseTo(0.45, 15);
    expect(toFloatPix2struct('45% ')).toBeNull();
    expect(toFloatPix2struct('%')).toBeNull();
    expect(toFloatPix2struct('about 12')).toBeNull();
  });

  it('takes the best over several targets (pix2struct aggregate_metrics)', () => {
    expect(relaxedAccuracy(['two', '2'], '2.05')).toBe(1);
    expect(relaxedAccuracy(['two', '2'], '3')).toBe(0);
  });
});
