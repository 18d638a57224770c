import { chartScore } from './chart-reward';
import { lastNumberIn, parseNumber } from './parse-number';

describe('parseNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['42', 42],
    ['-3', -3],
    ['−3', -3],
    ['+7', 7],
    ['3.25', 3.25],
    ['.5', 0.5],
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['45%', 0.45],
    ['-12.5%', -0.125],
    ['$12', 12],
    ['-$12', -12],
    ['$-12', -12],
    ['€3.5', 3.5],
    ['1.2e3', 1200],
    ['1e-3', 0.001],
    [' 17 ', 17],
    ['12,34', null],
    ['1,2345', null],
    ['NaN', null],
    ['Infinity', null],
    ['-Infinity', null],
    ['1e99999', null],
    ['12 apples', null],
    ['', null],
    ['-', null],
    ['%', null],
  ];
  it.each(cases)('%j -> %p', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe('lastNumberIn', () => {
  const cases: Array<[string, number | null]> = [
    ['about 12 million', 12],
    ['from 3 to 5', 5],
    ['it rose by 45% in 2019', 2019],
    ['2019-2020', 2020],
    ['The value is 1,234.', 1234],
    ['roughly $3.5', 3.5],
    ['Q3 revenue', null],
    ['the 3rd bar', null],
    ['no numbers here', null],
    ['1, 2, 3', 3],
  ];
  it.each(cases)('%j -> %p', (text, expected) => {
    expect(lastNumberIn(text)).toBe(expected);
  });
});

describe('chartScore', () => {
  const cases: Array<[string, string, string, 0 | 1]> = [
    ['exact number', '12', '12', 1],
    ['within 5%', '104.9', '100', 1],
    ['exactly 5% off', '105', '100', 1],
    ['just over 5%', '105.01', '100', 0],
    ['5% below', '95', '100', 1],
    ['negative target', '-10.4', '-10', 1],
    ['wrong sign', '10', '-10', 0],
    ['percent against its fraction', '45%', '0.45', 1],
    ['fraction against a percent', '0.45', '45%', 1],
    ['percent against the bare number is 100x off', '45%', '45', 0],
    ['thousands separator', '1,234', '1234', 1],
    ['currency', '$12', '12', 1],
    ['scientific', '1.2e3', '1200', 1],
    ['the number inside a sentence', 'about 12 million', '12', 1],
    ['the last number wins', 'from 3 to 5', '5', 1],
    ['the last number wins, against the first', 'from 3 to 5', '3', 0],
    ['a target of 0 needs the exact string', '0.0', '0', 0],
    ['a target of 0 matched as a string', '0', '0', 1],
    ['text target, case-insensitive', 'Germany', 'germany', 1],
    ['text target, wrong text', 'France', 'germany', 0],
    ['text target, surrounding spaces', '  Yes ', 'yes', 1],
    ['no number for a numeric target', 'many', '12', 0],
    ['NaN prediction', 'NaN', '12', 0],
    ['Infinity prediction', 'Infinity', '12', 0],
    ['NaN target is only a string', 'NaN', 'nan', 1],
    ['an empty answer', '', '12', 0],
  ];
  it.each(cases)('%s', (_name, answer, truth, expected) => {
    expect(chartScore(answer, truth)).toBe(expected);
  });
});
