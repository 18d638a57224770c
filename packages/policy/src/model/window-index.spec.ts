import { inversePermutation, windowLayout } from './window-index';

describe('windowLayout (HF get_window_index)', () => {
  it('a 3x4 merged grid in 2x2-unit windows: full windows first in each row, edge windows smaller', () => {
    // Units (row-major): 0 1 2 3 / 4 5 6 7 / 8 9 10 11. Windows: [0 1 4 5] [2 3 6 7] [8 9] [10 11].
    const layout = windowLayout([{ t: 1, h: 6, w: 8 }], 56, 14, 2);
    expect(Array.from(layout.windowIndex)).toEqual([0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 10, 11]);
    expect(layout.cuWindowSeqlens).toEqual([0, 16, 32, 40, 48]); // in patches: 4 per unit
    expect(layout.cuSeqlens).toEqual([0, 48]);
  });

  it('two images continue the unit numbering; a grid that divides evenly has no empty windows', () => {
    const layout = windowLayout([{ t: 1, h: 4, w: 4 }, { t: 1, h: 2, w: 6 }], 56, 14, 2);
    // Image 1: one 2x2 window of units 0..3. Image 2 (1x3 units 4 5 6): windows [4 5] [6].
    expect(Array.from(layout.windowIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layout.cuWindowSeqlens).toEqual([0, 16, 24, 28]);
    expect(layout.cuSeqlens).toEqual([0, 16, 28]);
  });

  it('Qwen2.5-VL sizes: 112-px windows are 4x4 units', () => {
    const layout = windowLayout([{ t: 1, h: 16, w: 16 }], 112, 14, 2);
    expect(layout.cuWindowSeqlens).toEqual([0, 64, 128, 192, 256]);
    expect(Array.from(layout.windowIndex.slice(0, 8))).toEqual([0, 1, 2, 3, 8, 9, 10, 11]);
  });

  it('inversePermutation undoes the order', () => {
    const index = Int32Array.from([2, 0, 3, 1]);
    const inverse = inversePermutation(index);
    expect(Array.from(inverse)).toEqual([1, 3, 0, 2]);
    expect(Array.from(inverse).map((i) => index[i])).toEqual([0, 1, 2, 3]);
  });
});
