import { firstYesNo } from './yes-no';

describe('firstYesNo', () => {
  const cases: Array<[string, 'yes' | 'no' | null]> = [
    ['yes', 'yes'],
    ['No', 'no'],
    ['YES.', 'yes'],
    ['no, it is not', 'no'],
    ['Yes, there is no cat', 'yes'],
    ['It is not red', null],
    ['I do not know', null],
    ['Her eyes are blue', null],
    ['none of them', null],
    ['nobody knows', null],
    ['yesterday', null],
    ['noon', null],
    ['Not really, no.', 'no'],
    ['The answer: yes!', 'yes'],
    ['(no)', 'no'],
    ['"Yes"', 'yes'],
    ['', null],
    ['is it? no; yes', 'no'],
    ['Oui, yes', 'yes'],
    ['año no', 'no'],
    ['nö', null],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(firstYesNo(text)).toBe(expected);
  });
});
