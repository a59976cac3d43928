/** The label stock the station prints on: 4 x 6 in, at the printer's resolution. */
export type PrinterDpi = 203 | 300;

export const MEDIA_WIDTH_IN = 4;
export const MEDIA_HEIGHT_IN = 6;

/** 812 x 1218 dots at 203 dpi, 1200 x 1800 at 300 dpi. */
export function mediaDots(dpi: PrinterDpi): { widthDots: number; heightDots: number } {
  return { widthDots: Math.round(MEDIA_WIDTH_IN * dpi), heightDots: Math.round(MEDIA_HEIGHT_IN * dpi) };
}
