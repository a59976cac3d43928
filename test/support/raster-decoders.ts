/**
 * Reads printer commands back into the dots a printer would print, written from the language
 * manuals independently of the encoders in electron/station/printing/: ZPL ^GF (ACS, :Z64:, :B64:),
 * EPL2 GW, TSPL BITMAP and ESC/POS GS v 0. Parsers are strict: an unknown command or a short data
 * block throws, so an encoder bug cannot hide behind a lenient reader.
 */
import { inflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { decodePngBarcodes } from './zpl-barcode';

/** 1 = black, most significant bit first, rows padded to whole bytes. */
export interface Dots {
  widthDots: number;
  heightDots: number;
  bytesPerRow: number;
  data: Uint8Array;
}

function blank(widthDots: number, heightDots: number): Dots {
  const bytesPerRow = Math.ceil(widthDots / 8);
  return { widthDots, heightDots, bytesPerRow, data: new Uint8Array(bytesPerRow * heightDots) };
}

export function dotAt(dots: Dots, x: number, y: number): boolean {
  return ((dots.data[y * dots.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/** Draws a graphic (rows of `bytesPerRow` bytes, 1 = black) onto the label at x,y, clipped to it. */
function place(label: Dots, x0: number, y0: number, bytesPerRow: number, rows: number, graphic: Uint8Array): void {
  for (let y = 0; y < rows; y++) {
    const ty = y0 + y;
    if (ty < 0 || ty >= label.heightDots) continue;
    for (let x = 0; x < bytesPerRow * 8; x++) {
      const tx = x0 + x;
      if (tx < 0 || tx >= label.widthDots) continue;
      if ((graphic[y * bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) !== 0)
        label.data[ty * label.bytesPerRow + (tx >> 3)]! |= 0x80 >> (tx & 7);
    }
  }
}

function invert(bytes: Uint8Array): Uint8Array {
  return bytes.map((b) => ~b & 0xff);
}

// ---------------------------------------------------------------- ZPL ^GF

const HEX_DIGITS = '0123456789ABCDEF';

/**
 * Zebra's ASCII compression (ZPL II guide, "Alternative Data Compression Scheme for ~DG and ~DB"):
 * G..Y repeat the next hex digit 1..19 times and g..z 20..400 times (counts add up); ',' fills the
 * row with 0s, '!' with 1s, ':' repeats the previous row. Plain hex is the same scheme with no counts.
 */
export function decodeAcs(text: string, bytesPerRow: number, totalBytes: number): Uint8Array {
  const nibblesPerRow = bytesPerRow * 2;
  const rows = totalBytes / bytesPerRow;
  if (!Number.isInteger(rows)) throw new Error(`total ${totalBytes} is not a whole number of ${bytesPerRow}-byte rows`);
  const out = new Uint8Array(totalBytes);
  let row = 0;
  let col = 0; // nibble within the row
  let repeat = 0;
  const put = (nibble: number): void => {
    if (row >= rows) throw new Error('ACS data runs past the last row');
    const i = row * bytesPerRow + (col >> 1);
    out[i] = col & 1 ? out[i]! | nibble : nibble << 4;
    if (++col === nibblesPerRow) {
      col = 0;
      row++;
    }
  };
  for (const ch of text) {
    if (ch === '\r' || ch === '\n' || ch === ' ') continue;
    const code = ch.charCodeAt(0);
    const hex = HEX_DIGITS.indexOf(ch.toUpperCase());
    if (hex >= 0) {
      for (let n = Math.max(repeat, 1); n > 0; n--) put(hex);
      repeat = 0;
    } else if (code >= 0x47 && code <= 0x59) {
      repeat += code - 0x47 + 1;
    } else if (code >= 0x67 && code <= 0x7a) {
      repeat += (code - 0x67 + 1) * 20;
    } else if (ch === ',' || ch === '!') {
      if (repeat) throw new Error(`repeat count before "${ch}"`);
      const fill = ch === ',' ? 0 : 0xf;
      // A fill character on an empty row fills the whole row.
      do put(fill);
      while (col !== 0);
    } else if (ch === ':') {
      if (repeat || col !== 0 || row === 0) throw new Error('":" must start a row after the first');
      if (row >= rows) throw new Error('ACS data runs past the last row');
      out.copyWithin(row * bytesPerRow, (row - 1) * bytesPerRow, row * bytesPerRow);
      row++;
    } else {
      throw new Error(`unexpected character ${JSON.stringify(ch)} in ACS data`);
    }
  }
  if (row !== rows || col !== 0) throw new Error(`ACS data filled ${row} of ${rows} rows`);
  return out;
}

export interface ZplGraphic {
  x: number;
  y: number;
  bytesPerRow: number;
  rows: number;
  data: Uint8Array;
  encoding: 'z64' | 'b64' | 'acs';
}

/** Every ^FOx,y^GFA graphic in a ZPL label, decoded. */
export function parseZplGraphics(zpl: string | Uint8Array): ZplGraphic[] {
  const text = typeof zpl === 'string' ? zpl : Buffer.from(zpl).toString('latin1');
  const graphics: ZplGraphic[] = [];
  const re = /\^FO(\d+),(\d+)\s*\^GFA,(\d+),(\d+),(\d+),([^^~]*)/g;
  for (const m of text.matchAll(re)) {
    const [x, y, total, , bytesPerRow] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
    const field = m[6]!.trim();
    let data: Uint8Array;
    let encoding: ZplGraphic['encoding'];
    const z = /^:(Z64|B64):([A-Za-z0-9+/=\s]+):([0-9A-Fa-f]{4})$/.exec(field);
    if (z) {
      const raw = Buffer.from(z[2]!.replace(/\s/g, ''), 'base64');
      data = z[1] === 'Z64' ? inflateSync(raw) : raw;
      encoding = z[1] === 'Z64' ? 'z64' : 'b64';
      if (data.length !== total) throw new Error(`^GF says ${total} bytes, data holds ${data.length}`);
    } else {
      data = decodeAcs(field, bytesPerRow, total);
      encoding = 'acs';
    }
    graphics.push({ x, y, bytesPerRow, rows: total / bytesPerRow, data, encoding });
  }
  return graphics;
}

/** The label a ZPL printer would print from ^PW x ^LL and its ^GF graphics (graphics-only labels). */
export function zplGraphicLabel(zpl: string | Uint8Array): Dots {
  const text = typeof zpl === 'string' ? zpl : Buffer.from(zpl).toString('latin1');
  const pw = /\^PW(\d+)/.exec(text);
  const ll = /\^LL(\d+)/.exec(text);
  if (!pw || !ll) throw new Error('label has no ^PW/^LL');
  const label = blank(Number(pw[1]), Number(ll[1]));
  for (const g of parseZplGraphics(text)) place(label, g.x, g.y, g.bytesPerRow, g.rows, g.data);
  return label;
}

type ZplApi = Awaited<(typeof import('zpl-renderer-js'))['ready']>['api'];
let zplApi: Promise<ZplApi> | undefined;

/** Renders ZPL with zpl-renderer-js (zebrash) at any of 203/300/600 dpi (8/12/24 dots per mm). */
export async function renderZplPngAt(
  zpl: string | Uint8Array,
  opts: { dpi: 203 | 300 | 600; widthIn?: number; heightIn?: number },
): Promise<Buffer> {
  zplApi ??= import('zpl-renderer-js').then(async (m) => (await m.ready).api);
  const api = await zplApi;
  const text = typeof zpl === 'string' ? zpl : Buffer.from(zpl).toString('latin1');
  const dpmm = { 203: 8, 300: 12, 600: 24 }[opts.dpi];
  const base64 = await api.zplToBase64Async(text, (opts.widthIn ?? 4) * 25.4, (opts.heightIn ?? 6) * 25.4, dpmm);
  return Buffer.from(base64, 'base64');
}

// ---------------------------------------------------------------- EPL2 / TSPL / ESC-POS

/** Reads ASCII up to and including the next line feed, from `at`. */
function readLine(bytes: Uint8Array, at: number): { line: string; next: number } {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0x0a) end++;
  return { line: Buffer.from(bytes.subarray(at, end)).toString('latin1').replace(/\r$/, ''), next: Math.min(end + 1, bytes.length) };
}

/** Reads `count` comma-separated ASCII parameters after a command name, then returns where data starts. */
function readParams(bytes: Uint8Array, at: number, count: number): { params: string[]; next: number } {
  const params: string[] = [];
  let current = '';
  let i = at;
  while (params.length < count) {
    if (i >= bytes.length) throw new Error('command cut short');
    const c = String.fromCharCode(bytes[i++]!);
    if (c === ',') {
      params.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  return { params, next: i };
}

function toInt(text: string | undefined, what: string): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) throw new Error(`${what} is not a whole number: ${text}`);
  return Number(text);
}

/** EPL2: N, q<width>, Q<length>,<gap>, GWx,y,bytes,rows,<binary: 0 = black>, P<copies>. */
export function decodeEpl(bytes: Uint8Array): Dots & { copies: number } {
  let width: number | undefined;
  let height: number | undefined;
  const graphics: Array<{ x: number; y: number; bytesPerRow: number; rows: number; data: Uint8Array }> = [];
  let copies = 0;
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] === 0x47 && bytes[at + 1] === 0x57) {
      // GW: binary data follows the 4th comma.
      const { params, next } = readParams(bytes, at + 2, 4);
      const [x, y, bytesPerRow, rows] = params.map((p, i) => toInt(p, `GW parameter ${i + 1}`)) as [number, number, number, number];
      const end = next + bytesPerRow * rows;
      if (end > bytes.length) throw new Error('GW data cut short');
      graphics.push({ x, y, bytesPerRow, rows, data: invert(bytes.subarray(next, end)) });
      at = end;
      continue;
    }
    const { line, next } = readLine(bytes, at);
    at = next;
    if (line === '') continue;
    if (line === 'N') continue;
    const q = /^q(\d+)$/.exec(line);
    const bigQ = /^Q(\d+),(\d+)$/.exec(line);
    const p = /^P(\d+)$/.exec(line);
    if (q) width = Number(q[1]);
    else if (bigQ) height = Number(bigQ[1]);
    else if (p) copies += Number(p[1]);
    else throw new Error(`unexpected EPL line ${JSON.stringify(line.slice(0, 40))}`);
  }
  if (width === undefined || height === undefined) throw new Error('EPL label has no q/Q size');
  const label = blank(width, height);
  for (const g of graphics) place(label, g.x, g.y, g.bytesPerRow, g.rows, g.data);
  return { ...label, copies };
}

/** TSPL: SIZE w mm,h mm ... CLS, BITMAP x,y,widthBytes,height,mode,<binary: 0 = black>, PRINT n[,m]. */
export function decodeTspl(bytes: Uint8Array, dpi: number): Dots & { copies: number; widthMm: number; heightMm: number } {
  let size: { widthMm: number; heightMm: number } | undefined;
  const graphics: Array<{ x: number; y: number; bytesPerRow: number; rows: number; data: Uint8Array }> = [];
  let copies = 0;
  let cleared = false;
  let at = 0;
  while (at < bytes.length) {
    if (Buffer.from(bytes.subarray(at, at + 7)).toString('latin1') === 'BITMAP ') {
      if (!cleared) throw new Error('BITMAP before CLS');
      const { params, next } = readParams(bytes, at + 7, 5);
      const [x, y, bytesPerRow, rows, mode] = params.map((p, i) => toInt(p, `BITMAP parameter ${i + 1}`)) as [
        number,
        number,
        number,
        number,
        number,
      ];
      if (mode !== 0) throw new Error(`BITMAP mode ${mode} (only 0, overwrite, is expected)`);
      const end = next + bytesPerRow * rows;
      if (end > bytes.length) throw new Error('BITMAP data cut short');
      graphics.push({ x, y, bytesPerRow, rows, data: invert(bytes.subarray(next, end)) });
      at = end;
      continue;
    }
    const { line, next } = readLine(bytes, at);
    at = next;
    if (line === '') continue;
    const s = /^SIZE ([\d.]+) mm,\s*([\d.]+) mm$/.exec(line);
    const print = /^PRINT (\d+)(?:,(\d+))?$/.exec(line);
    if (s) size = { widthMm: Number(s[1]), heightMm: Number(s[2]) };
    else if (line === 'CLS') cleared = true;
    else if (print) copies += Number(print[1]);
    else if (!/^(GAP [\d.]+ mm,\s*[\d.]+ mm|DENSITY \d+|DIRECTION [01](,[01])?|REFERENCE \d+,\d+)$/.test(line))
      throw new Error(`unexpected TSPL line ${JSON.stringify(line.slice(0, 40))}`);
  }
  if (!size) throw new Error('TSPL label has no SIZE');
  const label = blank(Math.round((size.widthMm / 25.4) * dpi), Math.round((size.heightMm / 25.4) * dpi));
  for (const g of graphics) place(label, g.x, g.y, g.bytesPerRow, g.rows, g.data);
  return { ...label, copies, ...size };
}

/** ESC/POS: ESC @, GS v 0 m xL xH yL yH <rows, 1 = black> stacked top to bottom, ESC d n, GS V m. */
export function decodeEscPos(bytes: Uint8Array): Dots & { bands: number; fedLines: number; cut: boolean } {
  const bands: Array<{ bytesPerRow: number; rows: number; data: Uint8Array }> = [];
  let fedLines = 0;
  let cut = false;
  let at = 0;
  while (at < bytes.length) {
    const b0 = bytes[at]!;
    const b1 = bytes[at + 1];
    if (b0 === 0x1b && b1 === 0x40) {
      at += 2;
    } else if (b0 === 0x1d && b1 === 0x76 && bytes[at + 2] === 0x30) {
      const m = bytes[at + 3]!;
      if (m !== 0 && m !== 48) throw new Error(`GS v 0 scaling mode ${m} (only normal size is expected)`);
      const bytesPerRow = bytes[at + 4]! | (bytes[at + 5]! << 8);
      const rows = bytes[at + 6]! | (bytes[at + 7]! << 8);
      const start = at + 8;
      const end = start + bytesPerRow * rows;
      if (end > bytes.length) throw new Error('GS v 0 data cut short');
      bands.push({ bytesPerRow, rows, data: bytes.subarray(start, end) });
      at = end;
    } else if (b0 === 0x1b && b1 === 0x64) {
      fedLines += bytes[at + 2]!;
      at += 3;
    } else if (b0 === 0x1d && b1 === 0x56) {
      const m = bytes[at + 2]!;
      cut = true;
      at += m >= 65 ? 4 : 3; // GS V 65/66 n take a feed amount
    } else {
      throw new Error(`unexpected ESC/POS byte 0x${b0.toString(16)} at ${at}`);
    }
  }
  if (bands.length === 0) throw new Error('no GS v 0 raster image');
  const bytesPerRow = Math.max(...bands.map((b) => b.bytesPerRow));
  const label = blank(
    bytesPerRow * 8,
    bands.reduce((n, b) => n + b.rows, 0),
  );
  let y = 0;
  for (const band of bands) {
    place(label, 0, y, band.bytesPerRow, band.rows, band.data);
    y += band.rows;
  }
  return { ...label, bands: bands.length, fedLines, cut };
}

// ---------------------------------------------------------------- to a scanner

/** The dots as a black-on-white PNG drawn with @napi-rs/canvas, with a white quiet zone around. */
export function dotsToPng(dots: Dots, margin = 16): Buffer {
  const canvas = createCanvas(dots.widthDots + 2 * margin, dots.heightDots + 2 * margin);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const image = ctx.createImageData(dots.widthDots, dots.heightDots);
  for (let y = 0; y < dots.heightDots; y++) {
    for (let x = 0; x < dots.widthDots; x++) {
      const v = dotAt(dots, x, y) ? 0 : 255;
      const p = (y * dots.widthDots + x) * 4;
      image.data[p] = v;
      image.data[p + 1] = v;
      image.data[p + 2] = v;
      image.data[p + 3] = 255;
    }
  }
  ctx.putImageData(image, margin, margin);
  return canvas.toBuffer('image/png');
}

/** What a scanner reads off these dots. */
export function decodeDotsBarcodes(dots: Dots): Promise<string[]> {
  return decodePngBarcodes(dotsToPng(dots));
}
