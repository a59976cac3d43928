/** The label stock the station prints on, and its size in printer dots at the printer's resolution. */
import { Dpi, MediaSize } from '../../../../shared/domain/printers';

export type PrinterDpi = Dpi;
export const PRINTER_DPIS: readonly PrinterDpi[] = Dpi.options.map((option) => option.value);

/** 4 x 6 in and 4 x 8 in (US shipping labels), A6 (105 x 148 mm) and 100 x 150 mm (EU/Asia stock). */
export type { MediaSize };
export const MEDIA_SIZES: readonly MediaSize[] = MediaSize.options;
export const DEFAULT_MEDIA: MediaSize = '4x6';

const MM_PER_IN = 25.4;

/** Portrait size in millimetres (width across the print head, height along the feed). */
const MEDIA_MM: Record<MediaSize, { widthMm: number; heightMm: number }> = {
  '4x6': { widthMm: 4 * MM_PER_IN, heightMm: 6 * MM_PER_IN },
  '4x8': { widthMm: 4 * MM_PER_IN, heightMm: 8 * MM_PER_IN },
  a6: { widthMm: 105, heightMm: 148 },
  '100x150mm': { widthMm: 100, heightMm: 150 },
};

export function mediaMillimetres(media: MediaSize = DEFAULT_MEDIA): { widthMm: number; heightMm: number } {
  const size = MEDIA_MM[media];
  if (!size) throw new RangeError(`unknown media size ${String(media)}`);
  return { ...size };
}

/** Size in PDF points (1/72 in), e.g. 288 x 432 for 4x6. */
export function mediaPoints(media: MediaSize = DEFAULT_MEDIA): { widthPt: number; heightPt: number } {
  const { widthMm, heightMm } = mediaMillimetres(media);
  return { widthPt: (widthMm / MM_PER_IN) * 72, heightPt: (heightMm / MM_PER_IN) * 72 };
}

/**
 * How many dots a 4-inch desktop/industrial print head has across: 832 at 203 dpi (104 mm), 1248 at
 * 300 dpi, 2400 at 600 dpi (Zebra ZT411/ZT421 and their TSC/Honeywell peers). Stock wider than the
 * head (A6 is 105 mm) is printed scaled to the head, never clipped at its edge.
 */
export const PRINT_HEAD_DOTS: Record<PrinterDpi, number> = { 203: 832, 300: 1248, 600: 2400 };

/** Dots across and along the stock itself, e.g. A6 is 839 x 1183 at 203 dpi. */
export function stockDots(dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA): { widthDots: number; heightDots: number } {
  if (!PRINTER_DPIS.includes(dpi)) throw new RangeError(`unsupported printer resolution ${String(dpi)} dpi`);
  const { widthMm, heightMm } = mediaMillimetres(media);
  return { widthDots: Math.round((widthMm / MM_PER_IN) * dpi), heightDots: Math.round((heightMm / MM_PER_IN) * dpi) };
}

/**
 * The printable area in dots: 4x6 is 812 x 1218 at 203 dpi, 1200 x 1800 at 300, 2400 x 3600 at
 * 600; A6 at 203 dpi is 832 x 1183 (the head's width, not the stock's 839).
 */
export function mediaDots(dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA): { widthDots: number; heightDots: number } {
  const stock = stockDots(dpi, media);
  return { widthDots: Math.min(stock.widthDots, PRINT_HEAD_DOTS[dpi]), heightDots: stock.heightDots };
}
