/**
 * The bytes of an image given as base64 text (RFC 4648 section 4, the standard alphabet, padded, as
 * Python's `base64.b64encode` writes it; VLMEvalKit's `encode_image_to_base64`). Line breaks and
 * spaces are ignored; any other character outside the alphabet, or a length that is not a whole
 * number of 4-character groups, is a reason to reject (Node's decoder would skip such characters
 * silently and return other bytes).
 */
export function imageFromBase64(text: string): { bytes: Uint8Array } | { reason: string } {
  const compact = /[\s]/.test(text) ? text.replace(/\s+/g, '') : text;
  if (compact === '') return { reason: 'the image is empty base64 text' };
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return { reason: `the image is not valid base64 (${compact.length} characters, starting ${JSON.stringify(compact.slice(0, 16))})` };
  }
  const decoded = Buffer.from(compact, 'base64');
  return { bytes: new Uint8Array(decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength)) };
}
