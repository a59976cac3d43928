/** Carrier-like sample labels made on the fly (pdfkit + bwip-js): real, scannable Code 128. */
import PDFDocument from 'pdfkit';
import bwipjs from 'bwip-js/node';
import { createCanvas, loadImage } from '@napi-rs/canvas';

export const SAMPLE_TRACKING_PDF = '1Z999AA10123456784';
export const SAMPLE_TRACKING_PNG = '9400111899223344556677';

export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 15, includetext: true });
}

type Draw = (doc: PDFKit.PDFDocument) => void;

/** A PDF of the given page size (points) drawn by `draw`. */
export function makePdf(size: [number, number], draw: Draw): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size, margin: 0, info: { Title: 'label', CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A 4x6 in (288 x 432 pt) shipping label PDF with address text and a Code 128 of the tracking number. */
export async function makeLabelPdf(tracking: string = SAMPLE_TRACKING_PDF, opts: { landscape?: boolean } = {}): Promise<Buffer> {
  const barcode = await code128Png(tracking);
  const size: [number, number] = opts.landscape ? [432, 288] : [288, 432];
  return makePdf(size, (doc) => {
    doc.fontSize(14).text('SHIP TO: Jane Doe', 20, 20);
    doc.fontSize(10).text('123 Warehouse Way, Springfield', 20, 40);
    doc.image(barcode, 20, opts.landscape ? 90 : 120, { width: 248 });
  });
}

/** A PNG label (default 812 x 1218 px) with a Code 128; the background is transparent if asked. */
export async function makeLabelPng(
  tracking: string = SAMPLE_TRACKING_PNG,
  opts: { width?: number; height?: number; transparent?: boolean } = {},
): Promise<Buffer> {
  const width = opts.width ?? 812;
  const height = opts.height ?? 1218;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!opts.transparent) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.fillStyle = '#000000';
  ctx.font = `${Math.round(width / 20)}px sans-serif`;
  ctx.fillText('SHIP TO: John Roe', width * 0.06, height * 0.08);
  const barcode = await loadImage(await code128Png(tracking));
  const w = width * 0.85;
  ctx.drawImage(barcode, width * 0.06, height * 0.3, w, (barcode.height * w) / barcode.width);
  return canvas.encode('png');
}
