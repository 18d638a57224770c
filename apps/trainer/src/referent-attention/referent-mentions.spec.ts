import type { LabelledScene } from '../perception/scene-token-labels';
import { referentMentions } from './referent-mentions';

const scene: LabelledScene = {
  size: [200, 100],
  objects: [
    { shape: 'diamond', colour: 'yellow', box: [0, 0, 20, 20] },
    { shape: 'star', colour: 'red', box: [40, 0, 60, 20] },
    { shape: 'star', colour: 'blue', box: [80, 0, 100, 20] },
    { shape: 'circle', colour: 'red', box: [120, 0, 140, 20] },
  ],
};

describe('referentMentions', () => {
  it('finds colour-and-kind, kind and colour-and-"shape" phrases, singular or plural, with the objects each names', () => {
    const text = 'Is the yellow diamond to the right of the star? Count the red shapes and the Stars.';
    const found = referentMentions(text, scene).map(({ phrase, lastCharacter, objects }) => ({ phrase, end: text.slice(0, lastCharacter + 1), objects }));
    expect(found).toEqual([
      { phrase: 'yellow diamond', end: 'Is the yellow diamond', objects: [0] },
      { phrase: 'star', end: 'Is the yellow diamond to the right of the star', objects: [1, 2] },
      { phrase: 'red shapes', end: 'Is the yellow diamond to the right of the star? Count the red shapes', objects: [1, 3] },
      { phrase: 'Stars', end: text.slice(0, -1), objects: [1, 2] },
    ]);
  });

  it('leaves out a phrase naming nothing in the scene, a bare "shape" or "object", and words that only contain a kind', () => {
    const text = 'What shape is the object? None of them is a red diamond or a green star; the stargazer squares up.';
    expect(referentMentions(text, scene)).toEqual([]);
  });

  it('keeps a phrase naming nothing in the scene, with no objects, when asked to', () => {
    const text = 'None of them is a red diamond or a star.';
    expect(referentMentions(text, scene, { keepAbsent: true }).map(({ phrase, objects }) => ({ phrase, objects }))).toEqual([
      { phrase: 'red diamond', objects: [] },
      { phrase: 'star', objects: [1, 2] },
    ]);
  });

  it('reads "the green shape a circle" as two phrases: the colour one and the kind one', () => {
    const mixed: LabelledScene = { ...scene, objects: [...scene.objects, { shape: 'square', colour: 'green', box: [160, 0, 180, 20] }] };
    expect(referentMentions('Is the green shape a circle?', mixed).map((m) => [m.phrase, m.objects])).toEqual([
      ['green shape', [4]],
      ['circle', [3]],
    ]);
  });
});
