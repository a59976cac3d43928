/**
 * Print fidelity of the rasterizer the station ships (PDFium for PDF, a smoothed canvas for PNG):
 * strokes thinner than a dot still print, an enlarged PNG has smooth edges, barcodes still scan,
 * and a page of a many-page file is that page.
 */
import { describe, expect, it } from 'vitest';
import {
  PrintError,
  rasterizeLabel,
  renderForPrinter,
  renderPreviewPng,
  type Bitmap,
} from '../../../../../electron/station/printing/index';
import { isBlack } from '../../../../../electron/station/printing/render/bitmap';
import { bitmapToPng } from '../../../../../electron/station/printing/render/png-encode';
import { MAX_PDF_BYTES } from '../../../../../electron/station/printing/render/pdf-raster';
import { makeLabelPdf, makeLabelPng, SAMPLE_TRACKING_PDF, SAMPLE_TRACKING_PNG } from '../../../../support/sample-labels';
import {
  boxedClipCustomsPdf,
  customsPdf,
  rulesImageLabel,
  smallPng,
  smallPngSlope,
  THIN_RULE_WIDTHS,
  thinRuleRows,
  thinRulesPdf,
} from '../../../../support/stress-labels';
import { decodePngBarcodes, decodeZplBarcodes } from '../../../../support/zpl-barcode';

const DOTS_PER_PT = 203 / 72;

/** The longest run of black dots along row y (or column x), from `from` to `to`. */
function longestRun(bitmap: Bitmap, line: { y: number } | { x: number }, from: number, to: number): number {
  let best = 0;
  let run = 0;
  for (let i = from; i < to; i++) {
    const black = 'y' in line ? isBlack(bitmap, i, line.y) : isBlack(bitmap, line.x, i);
    run = black ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

describe('strokes thinner than a dot', () => {
  it('keeps every 0.2-0.37 pt rule as an unbroken line at least one dot wide at 203 dpi', async () => {
    const bitmap = await rasterizeLabel(await thinRulesPdf(), { dpi: 203 });
    const { x: xs, y: ys } = thinRuleRows();
    THIN_RULE_WIDTHS.forEach((width, i) => {
      // Horizontal rule from x = 10 to 278 pt: some row within a dot of it is black end to end.
      const y = Math.round(ys[i]! * DOTS_PER_PT);
      const span = [Math.ceil(10 * DOTS_PER_PT) + 1, Math.floor(278 * DOTS_PER_PT) - 1] as const;
      const rows = [y - 1, y, y + 1].map((row) => longestRun(bitmap, { y: row }, ...span));
      expect(Math.max(...rows), `${width} pt horizontal rule`).toBe(span[1] - span[0]);
      // Vertical rule from y = 260 to 420 pt.
      const x = Math.round(xs[i]! * DOTS_PER_PT);
      const vspan = [Math.ceil(260 * DOTS_PER_PT) + 1, Math.floor(420 * DOTS_PER_PT) - 1] as const;
      const cols = [x - 1, x, x + 1].map((col) => longestRun(bitmap, { x: col }, ...vspan));
      expect(Math.max(...cols), `${width} pt vertical rule`).toBe(vspan[1] - vspan[0]);
    });
  });

  it('keeps a 0.25 pt rule whether it falls on a dot or between two', async () => {
    // 0.25 pt is 0.7 dots: drawn at 0.05 pt steps across one dot it lands on one dot, or half on each of two.
    for (const offset of [0, 0.07, 0.12, 0.18, 0.25, 0.3]) {
      const pdf = await thinRulesPdfAt(0.25, 200 + offset);
      const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
      const y = Math.round((200 + offset) * DOTS_PER_PT);
      const best = Math.max(...[y - 1, y, y + 1].map((row) => longestRun(bitmap, { y: row }, 40, 760)));
      expect(best, `rule at ${200 + offset} pt`).toBe(720);
    }
  });

  it('keeps every 1-px rule of a 300 dpi label image printed at 203 dpi (0.68 dots), as a PNG and inside a PDF', async () => {
    const { png, pdf, rows, from, to, width } = await rulesImageLabel();
    for (const [kind, label] of [
      ['PNG', png],
      ['PDF', pdf],
    ] as const) {
      const bitmap = await rasterizeLabel(label, { dpi: 203 });
      const scale = bitmap.widthDots / width;
      const span = [Math.ceil(from * scale) + 1, Math.floor(to * scale) - 1] as const;
      const lost = rows.filter((row) => {
        const y = Math.round((row + 0.5) * scale);
        return Math.max(...[y - 1, y, y + 1].map((r) => longestRun(bitmap, { y: r }, ...span))) < span[1] - span[0];
      });
      expect(lost, `${kind}: rules at these source rows vanished or broke`).toEqual([]);
    }
  });

  it('does not thicken a grey area into ink, only thin strokes', async () => {
    const { makePdf } = await import('../../../../support/sample-labels');
    const pdf = await makePdf([288, 432], (doc) => doc.rect(20, 20, 200, 200).fill('#b0b0b0'));
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    let black = 0;
    for (let y = 0; y < bitmap.heightDots; y++) for (let x = 0; x < bitmap.widthDots; x++) if (isBlack(bitmap, x, y)) black++;
    // A 69% grey square (over 300 000 dots) prints white, as at a plain 50% threshold: at most its outline.
    expect(black).toBeLessThan(4 * 600);
  });
});

async function thinRulesPdfAt(width: number, y: number): Promise<Buffer> {
  const { makePdf } = await import('../../../../support/sample-labels');
  return makePdf([288, 432], (doc) => {
    doc.moveTo(10, y).lineTo(278, y).lineWidth(width).stroke('#000000');
  });
}

describe('a small PNG label enlarged to the media', () => {
  it('has smooth diagonal edges, not a staircase of source pixels', async () => {
    const bitmap = await rasterizeLabel(smallPng(), { dpi: 203 });
    // smallPng is 203 x 305 px, so it is drawn ~4x. Follow the triangle's top edge (1 up for 3 across):
    // smooth enlarging moves the edge by a dot or so from one column to the next; nearest neighbour
    // moves it in jumps of a whole source pixel (4 dots) every 12 columns.
    const { x0, x1, y0 } = smallPngSlope();
    const scale = bitmap.widthDots / 203;
    const top = (x: number): number => {
      for (let y = Math.round((y0 - (x1 - x0) / 3 - 4) * scale); y < Math.round(y0 * scale); y++) if (isBlack(bitmap, x, y)) return y;
      return -1;
    };
    let biggestJump = 0;
    let previous = top(Math.round((x0 + 5) * scale));
    for (let x = Math.round((x0 + 5) * scale) + 1; x < Math.round((x1 - 5) * scale); x++) {
      const edge = top(x);
      expect(edge).toBeGreaterThan(0);
      biggestJump = Math.max(biggestJump, Math.abs(edge - previous));
      previous = edge;
    }
    expect(biggestJump).toBeLessThanOrEqual(2);
  });
});

describe('barcodes through the shipped path', () => {
  it('decode from a PDF label, a thin-rule label and an enlarged PNG label, printed as ZPL', async () => {
    for (const [label, expected] of [
      [await makeLabelPdf(), SAMPLE_TRACKING_PDF],
      [await thinRulesPdf('1Z999AA10999999999'), '1Z999AA10999999999'],
      [await makeLabelPng(SAMPLE_TRACKING_PNG, { width: 406, height: 609 }), SAMPLE_TRACKING_PNG],
    ] as const) {
      const { payload } = await renderForPrinter(label, { dpi: 203 });
      expect(await decodeZplBarcodes(payload)).toContain(expected);
    }
  });

  it('gives page k of a many-page customs PDF drawn like Apache FOP (clip per text run)', async () => {
    const pdf = await customsPdf(6);
    for (const page of [1, 4, 6]) {
      const bitmap = await rasterizeLabel(pdf, { dpi: 203, page });
      expect(await decodePngBarcodes(bitmapToPng(bitmap))).toEqual([`BOX-${page}`]);
    }
  });

  it('draws a landscape customs form whose text runs sit under box-shaped clips (drawn in strips) whole', async () => {
    const pdf = await boxedClipCustomsPdf('CP72-4711');
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    expect(await decodePngBarcodes(bitmapToPng(bitmap))).toEqual(['CP72-4711']);
    // Strips meet without a seam: each of the 23 hairline rules (turned: columns) is unbroken.
    const rules = Array.from({ length: 23 }, (_, row) => Math.round(812 - (46 + row * 10.5) * DOTS_PER_PT));
    const broken = rules.filter((x) => [x - 1, x, x + 1].every((col) => longestRun(bitmap, { x: col }, 30, 1185) < 1185 - 30));
    expect(broken).toEqual([]);
  });
});

describe('a huge or hostile PDF', () => {
  it('is refused with a clear message before it is parsed', async () => {
    const huge = new Uint8Array(MAX_PDF_BYTES + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    const error = await rasterizeLabel(huge, { dpi: 203 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({ code: 'label_unreadable', message: expect.stringContaining('far bigger than any shipping label') });
  });

  it('a page 200 in across still renders to the media', async () => {
    const { makePdf } = await import('../../../../support/sample-labels');
    const pdf = await makePdf([14400, 21600], (doc) => doc.rect(0, 0, 14400, 21600).lineWidth(400).stroke('#000000'));
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    expect(bitmap.widthDots).toBe(812);
    expect(isBlack(bitmap, 406, 1)).toBe(true);
  });
});

describe('preview', () => {
  it('draws a ZPL label as the printer prints it, at the printer dpi', async () => {
    const zpl = Buffer.from(
      `^XA^MCY^XZ\n^XA^PW812^LL1218^FO0,0^GB812,1218,8^FS^FO60,300^BCN,150,Y^FD${SAMPLE_TRACKING_PDF}^FS^XZ`,
      'latin1',
    );
    const preview = await renderPreviewPng(zpl, { dpi: 203 });
    expect(preview.widthDots).toBeGreaterThanOrEqual(812);
    expect(preview.heightDots).toBeGreaterThanOrEqual(1218);
    expect(await decodePngBarcodes(preview.png)).toEqual([SAMPLE_TRACKING_PDF]);
  });

  it('explains a ZPL file with no label in it', async () => {
    await expect(renderPreviewPng(Buffer.from('^XA^FO50,50^FDcut short', 'latin1'), { dpi: 203 })).rejects.toMatchObject({
      code: 'preview_unavailable',
    });
  });
});
