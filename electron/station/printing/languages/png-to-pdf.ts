/**
 * A PNG label as a one-page PDF at the media size, for a system print queue or laser printer: the
 * picture is kept as it came (full resolution, no threshold), fitted and centred on the page, and
 * turned 90° clockwise when it is landscape and the page portrait, as on a thermal printer.
 */
import PDFDocument from 'pdfkit';
import { loadImage } from '@napi-rs/canvas';
import { fitToMedia } from '../render/fit';
import { DEFAULT_MEDIA, mediaPoints, type MediaSize } from '../render/media';

export async function pngLabelToPdf(png: Uint8Array, opts: { media?: MediaSize } = {}): Promise<Buffer> {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const image = await loadImage(bytes);
  const { widthPt, heightPt } = mediaPoints(opts.media ?? DEFAULT_MEDIA);
  const place = fitToMedia(image.width, image.height, widthPt, heightPt);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: [widthPt, heightPt],
      margin: 0,
      autoFirstPage: true,
      info: { Title: 'Shipping label', CreationDate: new Date(0) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.save();
    doc.translate(place.offsetX, place.offsetY);
    if (place.rotate) {
      // Same turn as the thermal raster path: 90° clockwise, so the label's left edge is at the top.
      doc.translate(place.drawnWidth, 0);
      doc.rotate(90, { origin: [0, 0] });
    }
    doc.image(bytes, 0, 0, { width: image.width * place.scale, height: image.height * place.scale });
    doc.restore();
    doc.end();
  });
}
