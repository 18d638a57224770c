import { inputBoxToOriginalFrame, originalBoxToInput, roundBoxInside } from './boxes';

describe('box helpers', () => {
  it('maps an original box into the 644x476 input of a 640x480 image, per axis', () => {
    // x scales by 644/640 = 1.00625, y by 476/480 = 0.991666...
    const box = originalBoxToInput([320, 240, 640, 480], [640, 480], [644, 476]);
    expect(box[0]).toBeCloseTo(322, 10);
    expect(box[1]).toBeCloseTo(238, 10);
    expect(box[2]).toBeCloseTo(644, 10);
    expect(box[3]).toBeCloseTo(476, 10);
  });

  it('maps back to the original frame exactly (round trip)', () => {
    const original = [13.5, 7, 200.25, 99] as const;
    const there = originalBoxToInput(original, [333, 222], [336, 224]);
    const back = inputBoxToOriginalFrame(there, [336, 224], [333, 222]);
    back.forEach((value, k) => expect(value).toBeCloseTo(original[k], 10));
  });

  it('halves a box for a half-size input', () => {
    expect(originalBoxToInput([20, 20, 60, 60], [200, 100], [100, 50])).toEqual([10, 10, 30, 30]);
  });

  it('rounds and clips a box to the image', () => {
    expect(roundBoxInside([-3.2, 4.5, 650.7, 479.4], [640, 480])).toEqual([0, 5, 640, 479]);
  });
});
