import sharp from 'sharp';
import { encodePng } from './encode-png';
import { renderSvgToPng } from './render-svg';

async function rawOf(png: Uint8Array): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

describe('renderSvgToPng', () => {
  it('rasterises shapes at their SVG positions, on white, at the asked size', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect x="10" y="5" width="20" height="10" fill="#ff0000"/></svg>';
    const image = await rawOf(await renderSvgToPng(svg, 60, 40));
    expect([image.width, image.height, image.channels]).toEqual([60, 40, 3]);
    const at = (x: number, y: number) => Array.from(image.data.subarray((y * 60 + x) * 3, (y * 60 + x) * 3 + 3));
    expect(at(15, 8)).toEqual([255, 0, 0]);
    expect(at(2, 2)).toEqual([255, 255, 255]);
    expect(at(35, 20)).toEqual([255, 255, 255]);
  });
});

describe('encodePng', () => {
  it('is lossless', async () => {
    const data = Uint8Array.from({ length: 7 * 5 * 3 }, (_, i) => (i * 53) & 255);
    const image = await rawOf(await encodePng({ data, width: 7, height: 5, channels: 3 }));
    expect(new Uint8Array(image.data)).toEqual(data);
  });
  it('rejects data of the wrong length', async () => {
    await expect(encodePng({ data: new Uint8Array(10), width: 7, height: 5, channels: 3 })).rejects.toThrow(/expected 7x5x3 = 105 samples, found 10/);
  });
});
