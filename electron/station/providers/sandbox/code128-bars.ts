/**
 * Code 128 as vector bars, sized in printer dots so every module is a whole number of dots at
 * 203 dpi (the common thermal resolution): the bars stay crisp when the PDF is rasterized.
 */
import bwipjs from 'bwip-js/node';

export interface Code128Bars {
  /** Bar/space widths in modules, starting with a bar (bwip-js `sbs`). */
  widths: number[];
  /** Total modules, without quiet zones. */
  modules: number;
}

export function encodeCode128(text: string): Code128Bars {
  const raw = bwipjs.raw('code128', text, {});
  const first = raw[0];
  if (!first || !('sbs' in first)) throw new Error('bwip-js returned no Code 128 pattern');
  const widths = first.sbs;
  return { widths, modules: widths.reduce((sum, w) => sum + w, 0) };
}

export const LABEL_DPI = 203;
const QUIET_MODULES = 10;

export const dotsToPt = (dots: number): number => (dots * 72) / LABEL_DPI;

/**
 * Lays the barcode out centred in `availableDots`, with a module of up to `maxModuleDots` dots
 * (3 dots at 203 dpi is 0.015 in, a comfortable size for hand scanners), quiet zones included.
 * Returns rectangles in PDF points, aligned to the 203 dpi dot grid.
 */
export function layoutCode128(
  bars: Code128Bars,
  opts: { leftDots: number; availableDots: number; maxModuleDots?: number },
): { rects: Array<{ x: number; width: number }>; moduleDots: number; widthPt: number } {
  const maxModuleDots = opts.maxModuleDots ?? 3;
  const moduleDots = Math.max(1, Math.min(maxModuleDots, Math.floor(opts.availableDots / (bars.modules + 2 * QUIET_MODULES))));
  const start = opts.leftDots + Math.floor((opts.availableDots - bars.modules * moduleDots) / 2);
  const rects: Array<{ x: number; width: number }> = [];
  let cursor = start;
  bars.widths.forEach((w, i) => {
    if (i % 2 === 0) rects.push({ x: dotsToPt(cursor), width: dotsToPt(w * moduleDots) });
    cursor += w * moduleDots;
  });
  return { rects, moduleDots, widthPt: dotsToPt(bars.modules * moduleDots) };
}
