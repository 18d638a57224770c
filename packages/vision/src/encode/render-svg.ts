import sharp from 'sharp';

/** Rasterises an SVG document (librsvg through sharp) into PNG bytes of exactly width x height. */
export async function renderSvgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const png = await sharp(Buffer.from(svg, 'utf8'), { density: 72 })
    .resize(width, height, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
