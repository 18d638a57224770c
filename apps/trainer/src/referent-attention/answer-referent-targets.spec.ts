import type { LabelledScene } from '../perception/scene-token-labels';
import { answerReferentTargets } from './answer-referent-targets';

const scene: LabelledScene = {
  size: [56, 28],
  objects: [
    { shape: 'circle', colour: 'red', box: [0, 0, 28, 28] },
    { shape: 'star', colour: 'blue', box: [28, 0, 56, 28] },
  ],
};
const objectOfImageToken = Int32Array.from([0, 1]);

/** "<vs>" at 0, image tokens at 1 and 2, the question, then the response from 8: "<answer>" at 9, its answer from 10. */
function row(question: readonly string[]): { texts: string[]; layout: { responseStart: number; answerStart: number } } {
  const texts = ['<vs>', '<img>', '<img>', ...question, '<think>', '</think>', '<answer>', 'yes', '</answer>', '<|im_end|>'];
  const responseStart = 3 + question.length;
  return { texts, layout: { responseStart, answerStart: responseStart + 3 } };
}

describe('answerReferentTargets', () => {
  it('queries from <answer> to the token before the end; keys at the image tokens of the objects the question names', () => {
    const { texts, layout } = row(['Is', ' there', ' a', ' blue', ' star', '?']);
    // response from 9: "<answer>" is 11, "yes" 12, "</answer>" 13, "<|im_end|>" 14 (not a query)
    expect(answerReferentTargets(texts, [1, 2], objectOfImageToken, scene, layout)).toEqual({ queries: [11, 12, 13], keys: [[2], [2], [2]] });
  });

  it('looks at the token before the image when the question names only objects the scene lacks', () => {
    const { texts, layout } = row(['Is', ' there', ' a', ' blue', ' circle', '?']);
    expect(answerReferentTargets(texts, [1, 2], objectOfImageToken, scene, layout)).toEqual({ queries: [11, 12, 13], keys: [[0], [0], [0]] });
  });

  it('takes every object named by any phrase of the question, and ignores the response\'s phrases', () => {
    const both = row(['Is', ' the', ' red', ' circle', ' left', ' of', ' the', ' star', '?']);
    expect(answerReferentTargets(both.texts, [1, 2], objectOfImageToken, scene, both.layout).keys[0]).toEqual([1, 2]);
    const circle = row(['Is', ' the', ' red', ' circle', ' there', '?']);
    circle.texts[circle.layout.responseStart] = ' a blue star';
    expect(answerReferentTargets(circle.texts, [1, 2], objectOfImageToken, scene, circle.layout).keys[0]).toEqual([1]);
  });

  it('with an attribute question\'s asked kind, looks at the objects of that kind, or at the token before the image', () => {
    const { texts, layout } = row(['Is', ' the', ' star', ' blue', '?']);
    expect(answerReferentTargets(texts, [1, 2], objectOfImageToken, scene, { ...layout, asked: { colour: 'blue', shape: 'star' } }).keys[0]).toEqual([2]);
    // the star is blue, so "Is the star red?" asks after a red star, which the scene lacks
    expect(answerReferentTargets(texts, [1, 2], objectOfImageToken, scene, { ...layout, asked: { colour: 'red', shape: 'star' } }).keys[0]).toEqual([0]);
  });

  it('has no targets for a question naming no object, or objects no image token shows', () => {
    const none = row(['How', ' many', ' are', ' there', '?']);
    expect(answerReferentTargets(none.texts, [1, 2], objectOfImageToken, scene, none.layout)).toEqual({ queries: [], keys: [] });
    const star = row(['Is', ' there', ' a', ' star', '?']);
    expect(answerReferentTargets(star.texts, [1, 2], Int32Array.from([0, -1]), scene, star.layout)).toEqual({ queries: [], keys: [] });
  });

  it('names a row whose layout does not fit', () => {
    const { texts } = row(['Is', ' there', ' a', ' star', '?']);
    expect(() => answerReferentTargets(texts, [1, 2], Int32Array.from([0]), scene, { responseStart: 8, answerStart: 11 })).toThrow(/2 image tokens in the row, 1 in the scene's token grid/);
    expect(() => answerReferentTargets(texts, [1, 2], objectOfImageToken, scene, { responseStart: 2, answerStart: 11 })).toThrow(/response at 2 and answer at 11/);
  });
});
