import type { LabelledScene } from '../perception/scene-token-labels';
import { localisationTargets } from './localisation-targets';

describe('localisationTargets', () => {
  // A 112 x 112 scene seen at 56 x 56: 2 x 2 tokens of 28 px, centres at 14 and 42 px, i.e. 0.25 and 0.75 of the frame.
  const scene: LabelledScene = {
    size: [112, 112],
    objects: [
      // input box [0, 0, 30, 30] (fractions 0, 0, 30/56, 30/56): holds the centre of token 0
      { shape: 'circle', colour: 'red', box: [0, 0, 60, 60] },
      // input box [30, 40, 38, 48]: holds no token centre; its own centre (34, 44) is in token 3
      { shape: 'star', colour: 'blue', box: [60, 80, 76, 96] },
    ],
  };

  it('gives every token its centre and each object token its object box, as fractions of the input frame', () => {
    const targets = localisationTargets(scene, [56, 56], 28);
    expect([...targets.centres]).toEqual([0.25, 0.25, 0.75, 0.25, 0.25, 0.75, 0.75, 0.75]);
    expect([...targets.onObject]).toEqual([1, 0, 0, 1]);
    const box = (token: number) => [...targets.boxes.slice(4 * token, 4 * token + 4)];
    [0, 0, 30 / 56, 30 / 56].forEach((v, k) => expect(box(0)[k]).toBeCloseTo(v, 6));
    expect(box(1)).toEqual([0, 0, 0, 0]);
    expect(box(2)).toEqual([0, 0, 0, 0]);
    [30 / 56, 40 / 56, 38 / 56, 48 / 56].forEach((v, k) => expect(box(3)[k]).toBeCloseTo(v, 6));
    expect(targets.inputSize).toEqual([56, 56]);
    expect(targets.answerBox).toBeNull();
  });

  it('gives a grounding answer box in fractions of the input frame', () => {
    // scene box [60, 80, 76, 96] of 112 x 112 -> input [30, 40, 38, 48] of 56 x 56
    const targets = localisationTargets(scene, [56, 56], 28, [60, 80, 76, 96]);
    [30 / 56, 40 / 56, 38 / 56, 48 / 56].forEach((v, k) => expect(targets.answerBox![k]).toBeCloseTo(v, 6));
  });

  it('scales x by the width and y by the height of a non-square frame, tokens in rows', () => {
    // 84 x 28 input: one row of three tokens; centres at 14, 42, 70 px of 84; the object fills the last one
    const wide: LabelledScene = { size: [168, 56], objects: [{ shape: 'diamond', colour: 'black', box: [112, 0, 168, 56] }] };
    const targets = localisationTargets(wide, [84, 28], 28);
    [1 / 6, 0.5, 0.5, 0.5, 5 / 6, 0.5].forEach((v, k) => expect(targets.centres[k]).toBeCloseTo(v, 6));
    expect([...targets.onObject]).toEqual([0, 0, 1]);
    [56 / 84, 0, 1, 1].forEach((v, k) => expect(targets.boxes[8 + k]).toBeCloseTo(v, 6));
  });
});
