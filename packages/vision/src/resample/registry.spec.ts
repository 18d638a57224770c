import { syntheticRgb } from '../testing';
import { resizePilBicubic } from './pil-bicubic';
import { RESAMPLER_NAMES, RESAMPLERS, resamplerNamed } from './registry';
import { resizeSharpCubic } from './sharp-cubic';

describe('RESAMPLERS', () => {
  it('lists pil (the bit-exact default) and sharp', () => {
    expect(RESAMPLER_NAMES).toEqual(['pil', 'sharp']);
    expect(resamplerNamed('sharp')).toBe(resizeSharpCubic);
  });

  it('resamplerNamed("pil") resolves to resizePilBicubic', async () => {
    const image = syntheticRgb(30, 20, 5);
    expect((await resamplerNamed('pil')(image, 17, 40)).data).toEqual(resizePilBicubic(image, 17, 40).data);
    expect(RESAMPLERS.pil).toBe(resamplerNamed('pil'));
  });

  it('throws on an unknown name, listing the valid ones', () => {
    expect(() => resamplerNamed('lanczos')).toThrow('unknown resampler "lanczos": expected one of "pil", "sharp"');
    expect(() => resamplerNamed('toString')).toThrow(TypeError);
  });
});
