/**
 * A one-page PDF holding the 1-bit bitmap as a full-page image, for a system print queue (CUPS,
 * Windows spooler) that takes PDF. Written by hand: it is five objects, and unlike pdfkit this is
 * synchronous. The image is 1 bit DeviceGray with /Decode [1 0], so our 1 = black bits go in as is.
 */
import { deflateSync } from 'node:zlib';
import type { Bitmap } from '../render/bitmap';
import { DEFAULT_MEDIA, mediaPoints, type MediaSize } from '../render/media';

function num(n: number): string {
  return Number(n.toFixed(3)).toString();
}

export function bitmapToPdf(bitmap: Bitmap, opts: { media?: MediaSize } = {}): Buffer {
  const { widthDots, heightDots, bytesPerRow, data } = bitmap;
  if (data.length !== bytesPerRow * heightDots)
    throw new Error(`bitmap data is ${data.length} bytes, expected ${bytesPerRow * heightDots}`);
  const { widthPt, heightPt } = mediaPoints(opts.media ?? DEFAULT_MEDIA);
  const image = deflateSync(data);
  const content = Buffer.from(`q ${num(widthPt)} 0 0 ${num(heightPt)} 0 0 cm /Im0 Do Q\n`, 'latin1');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(widthPt)} ${num(heightPt)}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
      'latin1',
    ),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${widthDots} /Height ${heightDots} /ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0] /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
        'latin1',
      ),
      image,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    offset += chunk.length;
    parts.push(chunk);
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
