/**
 * Which printer resolution a ZPL label was made for. ZPL positions everything in printer dots, so
 * a label made for 203 dpi prints at two thirds of its size on a 300 dpi printer. Providers send
 * 203 dpi ZPL unless asked otherwise; the label's own ^PW (print width) and ^LL (label length)
 * tell the truth when they match a known label stock at one resolution.
 */
import type { PrinterDpi } from '../render/media';

export interface ZplDpiGuess {
  dpi: PrinterDpi;
  /** What the guess rests on: the width, the length, or the 203 dpi default (size commands that match no stock). */
  basis: 'width' | 'length' | 'default';
}

type Range = readonly [number, number];

// Label stock: widths 100 mm, 4 in, 105 mm (A6); lengths 148 mm (A6), 150 mm, 6 in, and 8 in.
// Each range is the stock's size in dots at that dpi, with 3% slack for carriers that trim a few dots.
const WIDTHS: ReadonlyArray<readonly [PrinterDpi, Range]> = [
  [203, [775, 865]],
  [300, [1145, 1280]],
  [600, [2290, 2555]],
];
const LENGTHS: ReadonlyArray<readonly [PrinterDpi, Range]> = [
  [203, [1145, 1255]],
  [203, [1575, 1675]],
  [300, [1695, 1855]],
  [300, [2325, 2475]],
  [600, [3390, 3710]],
  [600, [4655, 4945]],
];

function match(values: number[], table: ReadonlyArray<readonly [PrinterDpi, Range]>): PrinterDpi | undefined {
  for (const value of values) {
    for (const [dpi, [lo, hi]] of table) if (value >= lo && value <= hi) return dpi;
  }
  return undefined;
}

function numbersAfter(text: string, command: RegExp): number[] {
  return [...text.matchAll(command)].map((m) => Number(m[1]));
}

/** null when the label has no ^PW or ^LL at all: nothing in it says how big it is meant to be. */
export function detectZplDpi(zpl: Uint8Array | string): ZplDpiGuess | null {
  const text = typeof zpl === 'string' ? zpl : Buffer.from(zpl.buffer, zpl.byteOffset, zpl.byteLength).toString('latin1');
  const widths = numbersAfter(text, /\^PW\s*(\d{1,5})/gi);
  const lengths = numbersAfter(text, /\^LL\s*(\d{1,5})/gi);
  if (widths.length === 0 && lengths.length === 0) return null;
  const byWidth = match(widths, WIDTHS);
  if (byWidth) return { dpi: byWidth, basis: 'width' };
  const byLength = match(lengths, LENGTHS);
  if (byLength) return { dpi: byLength, basis: 'length' };
  return { dpi: 203, basis: 'default' };
}
