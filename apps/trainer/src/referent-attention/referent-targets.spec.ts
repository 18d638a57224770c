import type { LabelledScene } from '../perception/scene-token-labels';
import { referentTargets } from './referent-targets';

const scene: LabelledScene = {
  size: [56, 28],
  objects: [
    { shape: 'circle', colour: 'red', box: [0, 0, 28, 28] },
    { shape: 'star', colour: 'blue', box: [28, 0, 56, 28] },
  ],
};

describe('referentTargets', () => {
  // Row: "<s>", image tokens at 1 and 2, then the text, with "circle" split over two tokens.
  const texts = ['<s>', '<img>', '<img>', 'Is', ' the', ' red', ' cir', 'cle', ' a', ' star', '?', ' No', ' green', ' star'];
  const imagePositions = [1, 2];
  // the whole row is prompt: no response spans, no answer
  const promptOnly = (row: readonly string[]) => ({ responseStart: row.length, answerStart: row.length + 1, answerObjects: [], spans: true });

  it('queries at each mention\'s last token, keys at the image tokens showing the objects it names', () => {
    const targets = referentTargets(texts, imagePositions, Int32Array.from([0, 1]), scene, promptOnly(texts));
    // "red circle" ends in "cle" (7), "star" is token 9; "green star" names no object and is left out
    expect(targets).toEqual({ queries: [7, 9], keys: [[1], [2]] });
  });

  it('leaves out a mention whose objects no image token shows, and ignores text before the image', () => {
    const before = ['star', '<img>', '<img>', ' circle', ' and', ' star'];
    const targets = referentTargets(before, imagePositions, Int32Array.from([0, -1]), scene, promptOnly(before));
    expect(targets).toEqual({ queries: [3], keys: [[1]] });
  });

  it('in the response, extends a mention over the tokens up to the next mention or sentence end; the answer queries the answer\'s objects', () => {
    const row = ['<s>', '<img>', '<img>', 'Find', ' the', ' star', '.', '<think>', 'One', ' red', ' circle', ' in', ' it', ',', ' and', ' it', ' is', ' red', '.', ' A', ' star', '</think>', '<answer>', '[', '1', ']', '</answer>', '<|im_end|>'];
    const targets = referentTargets(row, imagePositions, Int32Array.from([0, 1]), scene, { responseStart: 7, answerStart: 23, answerObjects: [1], spans: true });
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    // "star" in the prompt: its token only; "red circle" (ends at 10): 10 .. 17, up to the "."; " star" (20): up to "</think>";
    // "<answer>" (22) .. "</answer>" (26): the star, object 1, which image token 2 shows
    expect(targets.queries).toEqual([5, ...range(10, 17), 20, ...range(22, 26)]);
    expect(targets.keys).toEqual([[2], ...range(10, 17).map(() => [1]), [2], ...range(22, 26).map(() => [2])]);
    const lastTokens = referentTargets(row, imagePositions, Int32Array.from([0, 1]), scene, { responseStart: 7, answerStart: 23, answerObjects: [1], spans: false });
    expect(lastTokens).toEqual({ queries: [5, 10, 20], keys: [[2], [1], [2]] });
  });

  it('names a mismatch between the row\'s image tokens and the scene\'s grid', () => {
    expect(() => referentTargets(texts, imagePositions, Int32Array.from([0]), scene, promptOnly(texts))).toThrow(/2 image tokens in the row, 1 in the scene's token grid/);
  });
});
