/**
 * Labels made to stress the rasterizer (for unit tests and test/bench/): rules thinner than a dot,
 * a small PNG the printer must enlarge, and a many-page customs declaration in the style of Apache
 * FOP (every text run in its own clipped group, hairline table rules).
 */
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { code128Png, makePdf } from './sample-labels';
import { pngFile } from '../../electron/station/printing/render/png-encode';

/** Rule widths in points that are thinner than one 203 dpi dot (0.355 pt), as carriers draw them. */
export const THIN_RULE_WIDTHS = [0.2, 0.25, 0.3, 0.37] as const;

/**
 * A 4x6 label with a horizontal rule across the page for each width (at y = 100 + 40 i pt, on
 * purpose between dots) and a vertical one (x = 60 + 40 i pt), plus a Code 128 of `tracking`.
 */
export async function thinRulesPdf(tracking = '1Z999AA10123456784', widths: readonly number[] = THIN_RULE_WIDTHS): Promise<Buffer> {
  const barcode = await code128Png(tracking);
  return makePdf([288, 432], (doc) => {
    doc.fontSize(9).text('Thin rules (pt): ' + widths.join(', '), 10, 10, { lineBreak: false });
    widths.forEach((w, i) => {
      const y = 100.17 + 40 * i;
      doc.moveTo(10, y).lineTo(278, y).lineWidth(w).stroke('#000000');
      const x = 60.17 + 40 * i;
      doc.moveTo(x, 260).lineTo(x, 420).lineWidth(w).stroke('#000000');
    });
    doc.image(barcode, 20, 30, { width: 248, height: 50 });
  });
}

/** Where thinRulesPdf draws its rules, in points. */
export function thinRuleRows(widths: readonly number[] = THIN_RULE_WIDTHS): { y: number[]; x: number[] } {
  return { y: widths.map((_, i) => 100.17 + 40 * i), x: widths.map((_, i) => 60.17 + 40 * i) };
}

/**
 * A small PNG label (default 203 x 305 px, a quarter of 4x6 at 203 dpi) with big diagonal strokes
 * and a circle: enlarged 4x to the media, its edges show whether the enlarging is smooth.
 */
export function smallPng(width = 203, height = 305): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `bold ${Math.round(width / 8)}px sans-serif`;
  ctx.fillText('SHIP TO', width * 0.08, height * 0.12);
  ctx.font = `${Math.round(width / 16)}px sans-serif`;
  ctx.fillText('Jane Doe, 1 Main St, Springfield', width * 0.08, height * 0.2);
  // A filled triangle whose long edge is a shallow diagonal (1 px rise per 3 px).
  ctx.beginPath();
  ctx.moveTo(width * 0.1, height * 0.5);
  ctx.lineTo(width * 0.9, height * 0.5 - (width * 0.8) / 3);
  ctx.lineTo(width * 0.9, height * 0.5);
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.arc(width * 0.5, height * 0.75, width * 0.2, 0, Math.PI * 2);
  ctx.fill();
  return canvas.toBuffer('image/png');
}

/** The triangle's sloped edge in smallPng, in source pixels: y = y0 - (x - x0) / 3. */
export function smallPngSlope(width = 203, height = 305): { x0: number; x1: number; y0: number } {
  return { x0: width * 0.1, x1: width * 0.9, y0: height * 0.5 };
}

/**
 * A customs declaration of `pages` 4x6 pages, drawn like Apache FOP does: each of ~300 text runs a
 * page in its own save/clip group, a table of 0.3 pt rules, and "BOX k OF n" in large type with
 * a Code 128 of `BOX-k` on page k.
 */
export async function customsPdf(pages = 6): Promise<Buffer> {
  const codes = await Promise.all(Array.from({ length: pages }, (_, i) => code128Png(`BOX-${i + 1}`)));
  return makePdf([288, 432], (doc) => {
    for (let p = 0; p < pages; p++) {
      if (p > 0) doc.addPage({ size: [288, 432], margin: 0 });
      doc.fontSize(16).text(`BOX ${p + 1} OF ${pages}`, 10, 8, { lineBreak: false });
      doc.image(codes[p]!, 150, 6, { width: 128, height: 30 });
      for (let row = 0; row < 60; row++) {
        const y = 44 + row * 6.4;
        doc.moveTo(8, y).lineTo(280, y).lineWidth(0.3).stroke('#000000');
        for (let col = 0; col < 5; col++) {
          doc.save();
          doc.rect(0, 0, 288, 432).clip();
          doc.fontSize(4.5).text(`Item ${row}.${col} qty 1 USD 9.99`, 8 + col * 55, y + 1, { lineBreak: false });
          doc.restore();
        }
      }
      for (let col = 0; col <= 5; col++)
        doc
          .moveTo(8 + col * 54.4, 44)
          .lineTo(8 + col * 54.4, 428)
          .lineWidth(0.3)
          .stroke('#000000');
    }
  });
}

/**
 * A landscape customs form (6 x 4 in) drawn like USPS's CP72 (Apache FOP's Batik transcoder): 110
 * groups of 12 text runs of one letter each (1,320 runs), every group clipped to the page minus four
 * rectangular boxes (an even-odd clip of five rectangles, which PDFium rasterizes as a mask), hairline
 * rules, and a Code 128 of `code` at the top.
 */
export async function boxedClipCustomsPdf(code = 'CP72-CUSTOMS'): Promise<Buffer> {
  const barcode = await code128Png(code);
  const holes: Array<[number, number, number, number]> = [
    [30, 250, 105, 25],
    [146, 160, 34, 9],
    [12, 20, 107, 20],
    [72, 2, 60, 18],
  ];
  return makePdf([432, 288], (doc) => {
    doc.image(barcode, 250, 6, { width: 170, height: 36 });
    for (let group = 0; group < 110; group++) {
      const x0 = 8 + (group % 5) * 84;
      const y0 = 48 + Math.floor(group / 5) * 10.5;
      doc.save();
      doc.rect(0, 0, 432, 288);
      for (const [x, y, w, h] of holes) doc.rect(x, y, w, h);
      doc.clip('even-odd');
      doc.fontSize(6);
      for (let k = 0; k < 12; k++) doc.text('CUSTOMSDECLN'[k]!, x0 + k * 5, y0, { lineBreak: false });
      doc.restore();
    }
    for (let row = 0; row <= 22; row++)
      doc
        .moveTo(8, 46 + row * 10.5)
        .lineTo(424, 46 + row * 10.5)
        .lineWidth(0.3)
        .stroke('#000000');
  });
}

/**
 * A 4x6 label image made at 300 dpi (1200 x 1800 px) with a 1-px rule every 37 px: printed at
 * 203 dpi each rule is 0.68 dots thin. As a PNG, and wrapped in a PDF (as some carriers send it).
 */
export async function rulesImageLabel(): Promise<{ png: Buffer; pdf: Buffer; rows: number[]; from: number; to: number; width: number }> {
  const width = 1200;
  const height = 1800;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  const rows: number[] = [];
  for (let y = 100; y < 1700; y += 37) {
    ctx.fillRect(100, y, 1000, 1);
    rows.push(y);
  }
  const png = canvas.toBuffer('image/png');
  const pdf = await makePdf([288, 432], (doc) => {
    doc.image(png, 0, 0, { width: 288, height: 432 });
  });
  return { png, pdf, rows, from: 100, to: 1100, width };
}

/** How a picture label is stored inside its PDF (as pdfkit embeds each kind of image). */
export type PictureKind = 'rgba-png' | 'rgb-png' | 'gray-png' | 'jpeg';

/**
 * A carrier label that is one picture wrapped in a PDF: a 4x6 label drawn at 300 dpi (1200 x 1800
 * px; 1800 x 1200 if landscape) with address text, rules and a Code 128 of `tracking`, embedded
 * full-page. 'rgba-png' becomes an RGB image with a soft mask (alpha), 'rgb-png' and 'gray-png' a
 * Flate image with PNG predictors, 'jpeg' a DCT image. `transparentInk` draws the label's white
 * as transparent black (only an alpha mask tells it from the ink).
 */
export async function pictureLabelPdf(
  tracking: string,
  kind: PictureKind,
  opts: { landscape?: boolean; transparentInk?: boolean; turned?: boolean } = {},
): Promise<Buffer> {
  const image = await pictureLabelImage(tracking, kind, opts);
  const size: [number, number] = opts.landscape ? [432, 288] : [288, 432];
  return makePdf(size, (doc) => {
    if (opts.turned) doc.rotate(180, { origin: [size[0] / 2, size[1] / 2] });
    doc.image(image, 0, 0, { width: size[0], height: size[1] });
  });
}

/** The picture pictureLabelPdf wraps, as the PNG or JPEG file it embeds. */
export async function pictureLabelImage(
  tracking: string,
  kind: PictureKind,
  opts: { landscape?: boolean; transparentInk?: boolean } = {},
): Promise<Buffer> {
  const { loadImage } = await import('@napi-rs/canvas');
  const width = opts.landscape ? 1800 : 1200;
  const height = opts.landscape ? 1200 : 1800;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!opts.transparentInk) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.fillStyle = '#000000';
  ctx.font = 'bold 64px sans-serif';
  ctx.fillText('SHIP TO: Jane Doe', 60, 120);
  ctx.font = '36px sans-serif';
  ctx.fillText('123 Warehouse Way, Springfield IL 62701', 60, 190);
  ctx.fillRect(40, 240, width - 80, 6);
  const barcode = await loadImage(await code128Png(tracking));
  const w = width - 240;
  ctx.drawImage(barcode, 120, 300, w, (barcode.height * w) / barcode.width);
  if (kind === 'jpeg') return canvas.encode('jpeg', 92);
  if (kind === 'rgba-png') return canvas.encode('png');
  // The canvas's encoder always writes RGBA: grey and RGB PNGs are written here.
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return opaquePng(rgba, width, height, kind === 'gray-png' ? 1 : 3);
}

/**
 * An opaque 8-bit grey (1) or RGB (3) PNG of RGBA pixels, each row with a different one of the
 * five PNG row filters in turn (as encoders choosing filters per row do), so readers undo them all.
 */
function opaquePng(rgba: Uint8ClampedArray, width: number, height: number, channels: 1 | 3): Buffer {
  const rowBytes = width * channels;
  const rows = Buffer.alloc((rowBytes + 1) * height);
  let prev = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const row = new Uint8Array(rowBytes);
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      if (channels === 1) row[x] = Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
      else row.set([rgba[p]!, rgba[p + 1]!, rgba[p + 2]!], x * 3);
    }
    const type = y % 5;
    const at = y * (rowBytes + 1);
    rows[at] = type;
    for (let i = 0; i < rowBytes; i++) {
      const left = i >= channels ? row[i - channels]! : 0;
      const up = prev[i]!;
      const upLeft = i >= channels ? prev[i - channels]! : 0;
      const paeth = (): number => {
        const q = left + up - upLeft;
        const a = Math.abs(q - left);
        const b = Math.abs(q - up);
        const c = Math.abs(q - upLeft);
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, type === 4 ? paeth() : 0][type]!;
      rows[at + 1 + i] = (row[i]! - predicted) & 0xff;
    }
    prev = row;
  }
  return pngFile(width, height, 8, channels === 1 ? 'grey' : 'rgb', deflateSync(rows));
}
