import { describeValue } from './describe-value';

describe('describeValue', () => {
  it('quotes strings and shows other scalars as written', () => {
    expect(describeValue('abc')).toBe('"abc"');
    expect(describeValue('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(describeValue(3)).toBe('3');
    expect(describeValue(-0.5)).toBe('-0.5');
    expect(describeValue(true)).toBe('true');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined (no value)');
    expect(describeValue(12n)).toBe('12n');
  });

  it('marks numbers that are not finite', () => {
    expect(describeValue(NaN)).toBe('NaN (not finite)');
    expect(describeValue(-Infinity)).toBe('-Infinity (not finite)');
  });

  it('cuts long strings and says how long they were', () => {
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}"... (100 characters)`);
  });

  it('shows arrays and typed arrays with their first items', () => {
    expect(describeValue([1, 2, 3])).toBe('[1, 2, 3]');
    expect(describeValue(['a', null])).toBe('["a", null]');
    expect(describeValue(Int32Array.of(7, 8))).toBe('Int32Array(2) [7, 8]');
    expect(describeValue(Array.from({ length: 10 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, 6, 7, ... 2 more]');
  });

  it('names objects by their class', () => {
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(new Map())).toBe('a Map');
    expect(describeValue(() => 1)).toBe('a function');
  });
});
