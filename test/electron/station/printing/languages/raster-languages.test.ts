/**
 * Every printer language, at every dpi it is sold in, on 4x6 and 4x8 stock: a carrier-like PDF
 * label goes through renderForPrinter, the printer commands are read back by independent decoders
 * (zpl-renderer-js for ZPL; test/support/raster-decoders.ts for EPL, TSPL, ESC/POS and ACS), and
 * the barcode must decode to the tracking number, with straight, noise-free bar edges.
 */
import { describe, expect, it } from 'vitest';
import { renderForPrinter } from '../../../../../electron/station/printing/render/render';
import { mediaDots, stockDots, type MediaSize } from '../../../../../electron/station/printing/render/media';
import { SAMPLE_TRACKING_PDF, makeLabelPdf, makePdf } from '../../../../support/sample-labels';
import { decodePngBarcodes } from '../../../../support/zpl-barcode';
import {
  decodeDotsBarcodes,
  decodeEpl,
  decodeEscPos,
  decodeTspl,
  dotAt,
  parseZplGraphics,
  renderZplPngAt,
  zplGraphicLabel,
  type Dots,
} from '../../../../support/raster-decoders';

const HEIGHT_IN: Record<'4x6' | '4x8', number> = { '4x6': 6, '4x8': 8 };

function decodePayload(language: 'epl' | 'tspl' | 'escpos', payload: Buffer, dpi: number): Dots {
  if (language === 'epl') return decodeEpl(payload);
  if (language === 'tspl') return decodeTspl(payload, dpi);
  return decodeEscPos(payload);
}

/**
 * Finds the barcode (the tallest stack of identical rows that cross many bars; columns when
 * `across` is 'columns') and checks its edges: the stack covers nearly every row that crosses the
 * bars, and no bar or space in it is a single stray dot.
 */
function expectCrispBars(dots: Dots, dpi: number, across: 'rows' | 'columns' = 'rows'): void {
  const lines = across === 'rows' ? dots.heightDots : dots.widthDots;
  const length = across === 'rows' ? dots.widthDots : dots.heightDots;
  const line = (i: number): string => {
    let s = '';
    for (let j = 0; j < length; j++) s += (across === 'rows' ? dotAt(dots, j, i) : dotAt(dots, i, j)) ? '1' : '0';
    return s;
  };
  const signatures = Array.from({ length: lines }, (_, i) => line(i));
  const crossesBars = signatures.map((s) => (s.match(/01|10/g) ?? []).length >= 60);
  let best = { start: 0, end: -1 };
  for (let i = 0; i < lines;) {
    let j = i;
    while (j + 1 < lines && signatures[j + 1] === signatures[i]) j++;
    if (crossesBars[i] && j - i > best.end - best.start) best = { start: i, end: j };
    i = j + 1;
  }
  const height = best.end - best.start + 1;
  expect(height).toBeGreaterThan(0.5 * dpi);
  // Rows that cross the bars but differ from the stack: only the first/last row or two of the bars.
  const ragged = crossesBars.filter((c, i) => c && (i < best.start || i > best.end) && i >= best.start - 10 && i <= best.end + 10).length;
  expect(ragged).toBeLessThanOrEqual(4);
  const s = signatures[best.start]!;
  const runs = s
    .slice(s.indexOf('1'), s.lastIndexOf('1') + 1)
    .match(/0+|1+/g)!
    .map((r) => r.length);
  expect(Math.min(...runs)).toBeGreaterThanOrEqual(2);
}

describe.each(['4x6', '4x8'] as const)('on %s media', (media: '4x6' | '4x8') => {
  describe.each([203, 300, 600] as const)('ZPL at %i dpi', (dpi) => {
    // zpl-renderer-js needs ~10 s for one 600 dpi label on a 2-core machine: at 600 dpi it renders
    // the 4x6 label only; the 4x8 one is read back by our ^GF decoder alone.
    const withRenderer = dpi !== 600 || media === '4x6';
    it(
      `prints a PDF label whose barcode ${withRenderer ? 'zpl-renderer-js reads back, and whose ^GF graphic' : 'in the ^GF graphic'} decodes`,
      { timeout: 60_000 },
      async () => {
        const { payload, language } = await renderForPrinter(await makeLabelPdf(SAMPLE_TRACKING_PDF), { dpi, media, language: 'zpl' });
        expect(language).toBe('zpl');
        const { widthDots, heightDots } = mediaDots(dpi, media);
        expect(payload.toString('latin1')).toContain(`^PW${widthDots}\n^LL${heightDots}`);
        if (withRenderer) {
          const png = await renderZplPngAt(payload, { dpi, heightIn: HEIGHT_IN[media] });
          expect(await decodePngBarcodes(png)).toEqual([SAMPLE_TRACKING_PDF]);
        }
        const dots = zplGraphicLabel(payload);
        expect([dots.widthDots, dots.heightDots]).toEqual([widthDots, heightDots]);
        expectCrispBars(dots, dpi);
        expect(await decodeDotsBarcodes(dots)).toEqual([SAMPLE_TRACKING_PDF]);
      },
    );
  });

  describe.each(['epl', 'tspl', 'escpos'] as const)('%s', (language) => {
    it.each([203, 300] as const)('at %i dpi prints a PDF label whose barcode decodes back from the commands', async (dpi) => {
      const out = await renderForPrinter(await makeLabelPdf(SAMPLE_TRACKING_PDF), { dpi, media, language });
      expect(out.language).toBe(language);
      const dots = decodePayload(language, out.payload, dpi);
      const { widthDots, heightDots } = mediaDots(dpi, media);
      expect(dots.heightDots).toBe(heightDots);
      expect(Math.abs(dots.widthDots - widthDots)).toBeLessThan(8); // ESC/POS rounds up to whole bytes
      expectCrispBars(dots, dpi);
      expect(await decodeDotsBarcodes(dots)).toEqual([SAMPLE_TRACKING_PDF]);
    });
  });
});

describe('landscape labels on portrait media', () => {
  it.each(['zpl', 'epl', 'tspl', 'escpos'] as const)(
    '%s: the label is turned so its bars run across the media, and still scans',
    async (language) => {
      const dpi = 203;
      const media: MediaSize = '4x6';
      const { payload } = await renderForPrinter(await makeLabelPdf(SAMPLE_TRACKING_PDF, { landscape: true }), { dpi, media, language });
      const dots = language === 'zpl' ? zplGraphicLabel(payload) : decodePayload(language, payload, dpi);
      expect(dots.heightDots).toBeGreaterThan(dots.widthDots);
      // Upright, the bars are vertical; turned 90°, they are horizontal: scan down the columns.
      expectCrispBars(dots, dpi, 'columns');
      expect(() => expectCrispBars(dots, dpi, 'rows')).toThrow();
      expect(await decodeDotsBarcodes(dots)).toEqual([SAMPLE_TRACKING_PDF]);
    },
  );
});

describe('A6 and 100 x 150 mm stock', () => {
  it.each(['a6', '100x150mm'] as const)('%s: TSPL declares the stock and the label scans', async (media) => {
    const { payload } = await renderForPrinter(await makeLabelPdf(SAMPLE_TRACKING_PDF), { dpi: 203, media, language: 'tspl' });
    const dots = decodeTspl(payload, 203);
    expect([dots.widthDots, dots.heightDots]).toEqual([stockDots(203, media).widthDots, stockDots(203, media).heightDots]);
    expect(await decodeDotsBarcodes(dots)).toEqual([SAMPLE_TRACKING_PDF]);
  });
});

describe('stock wider than the print head', () => {
  it('scales an edge-to-edge A6 label to the 832-dot head at 203 dpi instead of cutting its right edge', async () => {
    // An A6 page (105 mm = 297.6 pt) with a black band from the left edge to the right edge.
    const pdf = await makePdf([297.6, 419.5], (doc) => doc.rect(0, 0, 297.6, 40).fill('#000'));
    const dots = decodeTspl((await renderForPrinter(pdf, { dpi: 203, media: 'a6', language: 'tspl' })).payload, 203);
    const row = 20;
    let first = -1;
    let last = -1;
    for (let x = 0; x < dots.widthDots; x++) {
      if (dots.data[row * dots.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) {
        if (first < 0) first = x;
        last = x;
      }
    }
    expect(first).toBeLessThanOrEqual(1);
    // A 203 dpi 4-inch head has 832 dots: the band must end on its last dot, not past it.
    expect(last).toBeGreaterThanOrEqual(829);
    expect(last).toBeLessThan(832);
  });
});

describe('ZPL compression', () => {
  it('zpl-renderer-js prints the same label from ACS and from :Z64:', async () => {
    const { bitmapToZpl } = await import('../../../../../electron/station/printing/languages/zpl-graphic');
    const { rasterizeLabel } = await import('../../../../../electron/station/printing/render/raster');
    const bitmap = await rasterizeLabel(await makeLabelPdf(SAMPLE_TRACKING_PDF), { dpi: 203 });
    const acs = bitmapToZpl(bitmap, { compression: 'acs' });
    const z64 = bitmapToZpl(bitmap, { compression: 'z64' });
    expect(parseZplGraphics(acs)[0]!.encoding).toBe('acs');
    expect(parseZplGraphics(z64)[0]!.encoding).toBe('z64');
    expect(Buffer.from(parseZplGraphics(acs)[0]!.data).equals(Buffer.from(parseZplGraphics(z64)[0]!.data))).toBe(true);
    const [fromAcs, fromZ64] = await Promise.all([renderZplPngAt(acs, { dpi: 203 }), renderZplPngAt(z64, { dpi: 203 })]);
    expect(await decodePngBarcodes(fromAcs)).toEqual([SAMPLE_TRACKING_PDF]);
    expect(await decodePngBarcodes(fromZ64)).toEqual([SAMPLE_TRACKING_PDF]);
  });
});
