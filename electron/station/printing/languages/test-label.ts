/** The ZPL test label printed from Settings: proves the address, the dpi and barcode quality. */
import { mediaDots, type PrinterDpi } from '../render/media';

export interface TestLabelOptions {
  dpi: PrinterDpi;
  stationName?: string;
  /** Defaults to now; injectable so tests are stable. */
  now?: Date;
}

/** Text placed in a ^FD field: no ZPL command characters, printable only, bounded length. */
function fieldText(text: string, max: number): string {
  return text
    .replace(/[\^~\\]/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, max);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The value encoded in the test barcode, e.g. "LST-203-20250131". */
export function testLabelBarcodeValue(dpi: PrinterDpi, now: Date): string {
  return `LST-${dpi}-${isoDate(now).replace(/-/g, '')}`;
}

export function testLabelZpl(opts: TestLabelOptions): string {
  const { dpi } = opts;
  const now = opts.now ?? new Date();
  const { widthDots, heightDots } = mediaDots(dpi);
  const k = dpi / 203;
  const d = (n: number): number => Math.round(n * k);
  const margin = d(40);
  const station = fieldText(opts.stationName ?? '', 40);
  const stamp = `${isoDate(now)} ${now.toISOString().slice(11, 16)} UTC`;
  const lines = [
    '^XA',
    '^CI28',
    `^PW${widthDots}`,
    `^LL${heightDots}`,
    '^LH0,0',
    `^FO${margin},${margin}^GB${widthDots - 2 * margin},${heightDots - 2 * margin},${d(4)}^FS`,
    `^FO${d(70)},${d(80)}^A0N,${d(48)},${d(44)}^FDLABEL STATION TEST PRINT^FS`,
    `^FO${d(70)},${d(170)}^A0N,${d(32)},${d(30)}^FDDate: ${stamp}^FS`,
    `^FO${d(70)},${d(220)}^A0N,${d(32)},${d(30)}^FDResolution: ${dpi} dpi (4 x 6 in, ${widthDots} x ${heightDots} dots)^FS`,
    ...(station ? [`^FO${d(70)},${d(270)}^A0N,${d(32)},${d(30)}^FDStation: ${station}^FS`] : []),
    `^FO${d(70)},${d(360)}^BY${dpi === 600 ? 4 : dpi === 300 ? 3 : 2},3,${d(200)}^BCN,${d(200)},Y,N,N^FD${testLabelBarcodeValue(dpi, now)}^FS`,
    `^FO${d(70)},${d(660)}^A0N,${d(28)},${d(26)}^FDIf the barcode above scans, the printer is ready.^FS`,
    '^PQ1',
    '^XZ',
  ];
  return lines.join('\n') + '\n';
}
