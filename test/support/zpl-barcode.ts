/**
 * Proves a label is scannable: renders ZPL with an independent renderer (zpl-renderer-js, a WASM
 * build of zebrash) and decodes the barcodes in the picture with zxing-wasm. Offline: the zxing
 * WASM binary is read from node_modules, never fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);

let zxingReady = false;
function ensureZxing(): void {
  if (zxingReady) return;
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } });
  zxingReady = true;
}

type ZplApi = Awaited<(typeof import('zpl-renderer-js'))['ready']>['api'];
let zplApi: Promise<ZplApi> | undefined;
function loadZplRenderer(): Promise<ZplApi> {
  // ~9 MB of inlined WASM: load only when a test needs it.
  zplApi ??= import('zpl-renderer-js').then(async (m) => (await m.ready).api);
  return zplApi;
}

export interface ZplRenderOptions {
  /** Printer resolution the ZPL was made for. Default 203. */
  dpi?: 203 | 300;
  /** Label size in inches. Default 4 x 6. */
  widthIn?: number;
  heightIn?: number;
}

/** Renders the first label of a ZPL stream to PNG the way a printer of that dpi would print it. */
export async function renderZplToPng(zpl: string | Buffer, opts: ZplRenderOptions = {}): Promise<Buffer> {
  const api = await loadZplRenderer();
  const dpi = opts.dpi ?? 203;
  const text = typeof zpl === 'string' ? zpl : zpl.toString('latin1');
  // zebrash takes millimetres and dots per millimetre (8 = 203 dpi, 12 = 300 dpi).
  const dpmm = dpi === 300 ? 12 : 8;
  const base64 = await api.zplToBase64Async(text, (opts.widthIn ?? 4) * 25.4, (opts.heightIn ?? 6) * 25.4, dpmm);
  return Buffer.from(base64, 'base64');
}

const LINEAR_AND_2D: ReaderOptions = {
  formats: ['Code128', 'Code39', 'QRCode', 'DataMatrix', 'PDF417', 'MaxiCode'],
  tryHarder: true,
  tryRotate: true,
  maxNumberOfSymbols: 8,
};

/** Decodes every barcode zxing finds in a PNG (any size, any colour). */
export async function decodePngBarcodes(png: Buffer, readerOptions: ReaderOptions = LINEAR_AND_2D): Promise<string[]> {
  ensureZxing();
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  const imageData = ctx.getImageData(0, 0, image.width, image.height);
  const results = await readBarcodes(imageData as unknown as ImageData, readerOptions);
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/** Renders ZPL independently, then decodes its barcodes: what a scanner would read off the label. */
export async function decodeZplBarcodes(
  zpl: string | Buffer,
  opts: ZplRenderOptions & { readerOptions?: ReaderOptions } = {},
): Promise<string[]> {
  const png = await renderZplToPng(zpl, opts);
  return decodePngBarcodes(png, opts.readerOptions);
}
