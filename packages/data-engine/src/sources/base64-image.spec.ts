import { imageFromBase64 } from './base64-image';

describe('imageFromBase64', () => {
  it('decodes standard padded base64, ignoring line breaks', () => {
    expect(imageFromBase64('iVBORw0KGgo=')).toEqual({ bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    expect(imageFromBase64('iVBO\nRw0K\r\nGgo=')).toEqual({ bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
  });

  it('gives a plain Uint8Array that owns its bytes', () => {
    const result = imageFromBase64('AAEC');
    expect('bytes' in result && result.bytes.constructor).toBe(Uint8Array);
    expect('bytes' in result && result.bytes.byteLength === result.bytes.buffer.byteLength).toBe(true);
  });

  it('rejects text outside the alphabet, a bad length, and empty text', () => {
    expect(imageFromBase64('iVBO!w0K')).toEqual({ reason: 'the image is not valid base64 (8 characters, starting "iVBO!w0K")' });
    expect(imageFromBase64('iVBOR')).toEqual({ reason: 'the image is not valid base64 (5 characters, starting "iVBOR")' });
    expect(imageFromBase64('iVBORw0K-_8=')).toMatchObject({ reason: expect.stringMatching(/not valid base64/) });
    expect(imageFromBase64('  ')).toEqual({ reason: 'the image is empty base64 text' });
  });
});
