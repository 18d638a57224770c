import { TINY_TOKEN_IDS, tinyConfig } from '../config/tiny-config';
import { ropeIndex } from './rope-index';

const { tokens } = tinyConfig();
const VS = TINY_TOKEN_IDS.visionStart;
const VE = TINY_TOKEN_IDS.visionEnd;
const PAD = TINY_TOKEN_IDS.imagePad;
const pads = (n: number) => Array<number>(n).fill(PAD);

function rows(ids: number[], grids: { t: number; h: number; w: number }[]) {
  const p = ropeIndex(ids, grids, tokens, 2);
  return { t: Array.from(p.temporal), h: Array.from(p.height), w: Array.from(p.width), next: p.next };
}

describe('ropeIndex (HF get_rope_index), hand-derived', () => {
  it('text only: 0, 1, 2, ... on all three axes', () => {
    expect(rows([5, 6, 7, 8], [])).toEqual({ t: [0, 1, 2, 3], h: [0, 1, 2, 3], w: [0, 1, 2, 3], next: 4 });
  });

  it('one image (grid 1x4x4 -> 2x2 merged tokens) after text', () => {
    // a vs [img: base 2, (row, col) added on h and w] ve b; after the image: 2 + max(2, 2) = 4.
    expect(rows([5, VS, ...pads(4), VE, 6], [{ t: 1, h: 4, w: 4 }])).toEqual({
      t: [0, 1, 2, 2, 2, 2, 4, 5],
      h: [0, 1, 2, 2, 3, 3, 4, 5],
      w: [0, 1, 2, 3, 2, 3, 4, 5],
      next: 6,
    });
  });

  it('an image between texts (grid 1x4x8 -> 2 rows of 4 tokens)', () => {
    // a b vs at 0..2; image base 3: h = 3 + row, w = 3 + column; text resumes at 3 + max(2, 4) = 7.
    expect(rows([5, 6, VS, ...pads(8), VE, 7, 8], [{ t: 1, h: 4, w: 8 }])).toEqual({
      t: [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 7, 8, 9],
      h: [0, 1, 2, 3, 3, 3, 3, 4, 4, 4, 4, 7, 8, 9],
      w: [0, 1, 2, 3, 4, 5, 6, 3, 4, 5, 6, 7, 8, 9],
      next: 10,
    });
  });

  it('two images, the second tall (grid 1x6x2 -> 3 rows of 1), ending the sequence', () => {
    // vs at 0; image 1 base 1 (2x2) -> resumes at 3; ve 3, x 4, vs 5; image 2 base 6, rows 0..2 -> next 6 + 3 = 9.
    expect(rows([VS, ...pads(4), VE, 9, VS, ...pads(3)], [{ t: 1, h: 4, w: 4 }, { t: 1, h: 6, w: 2 }])).toEqual({
      t: [0, 1, 1, 1, 1, 3, 4, 5, 6, 6, 6],
      h: [0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8],
      w: [0, 1, 2, 1, 2, 3, 4, 5, 6, 6, 6],
      next: 9,
    });
  });

  it('errors: too few image tokens, an image token without an image, an image without tokens', () => {
    expect(() => ropeIndex([VS, ...pads(3), VE], [{ t: 1, h: 4, w: 4 }], tokens, 2)).toThrow(
      'ropeIndex: image 0 needs 4 image tokens from position 1, the run ends after 3',
    );
    expect(() => ropeIndex([VS, ...pads(4), VE, PAD], [{ t: 1, h: 4, w: 4 }], tokens, 2)).toThrow(
      'ropeIndex: image token at position 6 has no image (1 given)',
    );
    expect(() => ropeIndex([1, 2], [{ t: 1, h: 2, w: 2 }], tokens, 2)).toThrow('ropeIndex: image 0 has no image token');
  });
});
