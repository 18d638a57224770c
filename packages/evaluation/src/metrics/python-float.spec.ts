import { pythonFloat } from './python-float';

// Each case is Python 3.11's float(text), by its documented grammar (Built-in Functions, float):
// sign, digits joined by single underscores, ".", an exponent, inf/infinity/nan in any case, Unicode
// decimal digits and white space transformed first, ASCII white space stripped at the ends.
describe("Python's float()", () => {
  it.each([
    ['12', 12],
    [' 12\n', 12],
    ['+5', 5],
    ['-5.2', -5.2],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['1_000', 1000],
    ['1_000.000_1', 1000.0001],
    ['1e1_0', 1e10],
    ['-0', -0],
    ['1e400', Infinity],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['+iNf', Infinity],
    ['\u00a03', 3],
    ['\u30003 ', 3],
    ['\u0663', 3],
    ['\u0661_\u0663', 13],
    ['\u0663e\u0662', 300],
    ['\u{1D7D1}', 3],
    ['\uff13.\uff15', 3.5],
  ])('float(%j) = %p', (text, value) => {
    expect(pythonFloat(text)).toBe(value);
  });

  it('reads nan (any case, signed) as NaN', () => {
    expect(pythonFloat('nan')).toBeNaN();
    expect(pythonFloat('-NaN')).toBeNaN();
  });

  it.each(['', ' ', '1,234', '1__0', '_1', '1_', '0x10', '12%', '$5', '1 2', 'e5', '1e', '.', '+-1', 'nan(1)', 'infinit', '\u001c3', '\ufeff3', '3\u200b', 'three'])(
    'float(%j) raises ValueError: null',
    (text) => {
      expect(pythonFloat(text)).toBeNull();
    },
  );
});
