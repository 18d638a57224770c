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

  it('queries at each mention\'s last token, keys at the image tokens showing the objects it names', () => {
    const targets = referentTargets(texts, imagePositions, Int32Array.from([0, 1]), scene);
    // "red circle" ends in "cle" (7), "star" is token 9; "green star" names no object and is left out
    expect(targets).toEqual({ queries: [7, 9], keys: [[1], [2]] });
  });

  it('leaves out a mention whose objects no image token shows, and ignores text before the image', () => {
    const before = ['star', '<img>', '<img>', ' circle', ' and', ' star'];
    const targets = referentTargets(before, imagePositions, Int32Array.from([0, -1]), scene);
    expect(targets).toEqual({ queries: [3], keys: [[1]] });
  });

  it('names a mismatch between the row\'s image tokens and the scene\'s grid', () => {
    expect(() => referentTargets(texts, imagePositions, Int32Array.from([0]), scene)).toThrow(/2 image tokens in the row, 1 in the scene's token grid/);
  });
});
