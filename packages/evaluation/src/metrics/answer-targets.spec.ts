import { answerTargets } from './answer-targets';

describe('answer targets', () => {
  it('reads a Python or JSON list of strings as several accepted answers', () => {
    expect(answerTargets("['2', 'two']")).toEqual(['2', 'two']);
    expect(answerTargets('["a, b", "it\'s"]')).toEqual(['a, b', "it's"]);
  });
  it('keeps any other answer as the one target', () => {
    expect(answerTargets('[20, 10, 60, 40]')).toEqual(['[20, 10, 60, 40]']);
    expect(answerTargets('[]')).toEqual(['[]']);
    expect(answerTargets("['a' 'b']")).toEqual(["['a' 'b']"]);
    expect(answerTargets('45%')).toEqual(['45%']);
  });
});
