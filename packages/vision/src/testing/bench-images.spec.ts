import { decodeImage } from '../decode';
import { makeBenchJpegs } from './bench-images';
import { sha256Hex } from './fixtures';

describe('makeBenchJpegs', () => {
  it('makes different JPEGs of the requested size, the same bytes on every call', async () => {
    const jpegs = await makeBenchJpegs(2, { width: 96, height: 64 });
    const again = await makeBenchJpegs(2, { width: 96, height: 64 });
    expect(jpegs.map(sha256Hex)).toEqual(again.map(sha256Hex));
    expect(sha256Hex(jpegs[0])).not.toBe(sha256Hex(jpegs[1]));
    const decoded = await decodeImage(jpegs[0]);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([96, 64, 3]);
  });
});
