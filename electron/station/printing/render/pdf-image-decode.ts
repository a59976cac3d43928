/**
 * The page's one image XObject read with pdf-lib and decoded in Node (zlib, native): a Flate grey
 * or RGB image of 8 bits (or 1-bit grey), PNG predictors allowed, optionally with an 8-bit soft
 * mask of the same size, as grey over white; or, for RGB rows with PNG predictors, wrapped as a PNG
 * file for skia. Anything else is null (PDFium draws it).
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import type { ImageRect } from './image-page-rect';
import { pngFile } from './png-encode';

/** A decoded image as 8-bit grey (0 = black), `width` bytes a row. */
export interface GrayImage {
  width: number;
  height: number;
  gray: Uint8Array;
}

/** Grey image kept between labels (a 300 dpi 4x6 image is 2 MB). */
let keptGray = new Uint8Array(0);

function number(dict: PDFDict, key: string): number | undefined {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

function nameOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** Components of an image colour space this path handles (grey or RGB), or null. */
function components(dict: PDFDict): 1 | 3 | null {
  const space = dict.lookup(PDFName.of('ColorSpace'));
  const named = nameOf(space);
  if (named === 'DeviceGray') return 1;
  if (named === 'DeviceRGB') return 3;
  if (space instanceof PDFArray && space.size() === 2) {
    const family = nameOf(space.lookup(0));
    const params = space.lookup(1);
    if (family === 'CalGray') return 1;
    if (family === 'CalRGB') return 3;
    if (family === 'ICCBased' && params instanceof PDFRawStream) {
      const n = number(params.dict, 'N');
      return n === 1 ? 1 : n === 3 ? 3 : null;
    }
  }
  return null;
}

/** The stream's one filter's name (undefined if none or several). */
function onlyFilter(dict: PDFDict): string | undefined {
  const filter = dict.lookup(PDFName.of('Filter'));
  return filter instanceof PDFArray && filter.size() === 1 ? nameOf(filter.lookup(0)) : nameOf(filter);
}

/** The Predictor of a Flate stream whose DecodeParms match the image (1: none), or null if they do not. */
function flatePredictor(dict: PDFDict, width: number, comps: number, bpc: number): number | null {
  let parms = dict.lookup(PDFName.of('DecodeParms'));
  if (parms instanceof PDFArray) parms = parms.size() === 1 ? parms.lookup(0) : undefined;
  if (parms === undefined) return 1;
  if (!(parms instanceof PDFDict)) return null;
  const predictor = number(parms, 'Predictor') ?? 1;
  const colors = number(parms, 'Colors') ?? 1;
  const bits = number(parms, 'BitsPerComponent') ?? 8;
  const columns = number(parms, 'Columns') ?? 1;
  if (predictor === 1) return 1;
  // PNG predictors only (TIFF's 2 is left to PDFium), for the image's own row layout.
  if (predictor < 10 || colors !== comps || bits !== bpc || columns !== width) return null;
  return predictor;
}

/** The stream's one filter is FlateDecode, with no predictor or a PNG one matching the image; else null. */
function flateSamples(stream: PDFRawStream, width: number, height: number, comps: number, bpc: number): Uint8Array | null {
  const { dict } = stream;
  if (onlyFilter(dict) !== 'FlateDecode') return null;
  const predictor = flatePredictor(dict, width, comps, bpc);
  if (predictor === null) return null;
  const rowBytes = Math.ceil((width * comps * bpc) / 8);
  const encoded = Buffer.from(stream.contents.buffer, stream.contents.byteOffset, stream.contents.byteLength);
  const expected = predictor >= 10 ? (rowBytes + 1) * height : rowBytes * height;
  let raw: Buffer;
  try {
    raw = inflateSync(encoded, { chunkSize: Math.max(64 * 1024, Math.min(expected + 1, 64 * 1024 * 1024)) });
  } catch {
    return null; // damaged: PDFium decides what it can draw of it
  }
  if (raw.length < expected) return null;
  return predictor >= 10 ? unpredictPng(raw, rowBytes, height, Math.max(1, Math.ceil((comps * bpc) / 8))) : raw;
}

/** Rows kept between labels for undoing PNG predictors. */
let keptRows = new Uint8Array(0);

/**
 * Undoes PNG row filters (None, Sub, Up, Average, Paeth; one loop per filter, as most rows of a
 * label are None or Up); returns the samples without the filter bytes.
 */
function unpredictPng(raw: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array {
  if (keptRows.length < rowBytes * height) keptRows = new Uint8Array(rowBytes * height);
  const out = keptRows.subarray(0, rowBytes * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    const prev = row - rowBytes;
    const first = y > 0;
    if (type === 0 || (type === 2 && !first)) {
      out.set(raw.subarray(src, src + rowBytes), row);
    } else if (type === 2) {
      for (let x = 0; x < rowBytes; x++) out[row + x] = (raw[src + x]! + out[prev + x]!) & 0xff;
    } else if (type === 1) {
      for (let x = 0; x < bpp && x < rowBytes; x++) out[row + x] = raw[src + x]!;
      for (let x = bpp; x < rowBytes; x++) out[row + x] = (raw[src + x]! + out[row + x - bpp]!) & 0xff;
    } else if (type === 3) {
      for (let x = 0; x < rowBytes; x++) {
        const left = x >= bpp ? out[row + x - bpp]! : 0;
        const up = first ? out[prev + x]! : 0;
        out[row + x] = (raw[src + x]! + ((left + up) >> 1)) & 0xff;
      }
    } else if (type === 4) {
      for (let x = 0; x < rowBytes; x++) {
        const left = x >= bpp ? out[row + x - bpp]! : 0;
        const up = first ? out[prev + x]! : 0;
        const upLeft = x >= bpp && first ? out[prev + x - bpp]! : 0;
        const p = left + up - upLeft;
        const pa = p > left ? p - left : left - p;
        const pb = p > up ? p - up : up - p;
        const pc = p > upLeft ? p - upLeft : upLeft - p;
        out[row + x] = (raw[src + x]! + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
      }
    } else {
      throw new RangeError(`unknown PNG row filter ${type}`);
    }
  }
  return out;
}

/** Only the keys this path understands may shape how the image prints. */
function plainImageDict(dict: PDFDict): boolean {
  if (dict.lookup(PDFName.of('ImageMask'))?.toString() === 'true') return false;
  if (dict.has(PDFName.of('Mask')) || dict.has(PDFName.of('Alternates')) || dict.has(PDFName.of('OC'))) return false;
  return true;
}

/** Decode array: absent or the default for 8 bits; for 1-bit grey [1 0] (inverted) is taken too. */
function decodeInverted(dict: PDFDict, comps: number, bpc: number): boolean | null {
  const decode = dict.lookup(PDFName.of('Decode'));
  if (decode === undefined) return false;
  if (!(decode instanceof PDFArray) || decode.size() !== comps * 2) return null;
  const values = decode.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : NaN));
  if (values.every((v, i) => v === (i % 2 === 0 ? 0 : 1))) return false;
  if (comps === 1 && bpc === 1 && values[0] === 1 && values[1] === 0) return true;
  return null;
}

/**
 * RGB -> grey as PDFium does it (FXRGB2GRAY: 30% red, 59% green, 11% blue; here in 1/256ths, so
 * white stays 255). Four white pixels are three white words: those are skipped with one test.
 */
function rgbToGray(rgb: Uint8Array, gray: Uint8Array, pixels: number): void {
  const groups = rgb.byteOffset % 4 === 0 && gray.byteOffset % 4 === 0 ? pixels >> 2 : 0;
  if (groups > 0) {
    const words = new Uint32Array(rgb.buffer, rgb.byteOffset, groups * 3);
    const out = new Uint32Array(gray.buffer, gray.byteOffset, groups);
    for (let q = 0; q < groups; q++) {
      const w = 3 * q;
      if ((words[w]! & words[w + 1]! & words[w + 2]!) === -1) {
        out[q] = 0xffffffff;
        continue;
      }
      for (let i = 4 * q, s = 12 * q; i < 4 * q + 4; i++, s += 3) gray[i] = (rgb[s]! * 77 + rgb[s + 1]! * 151 + rgb[s + 2]! * 28) >> 8;
    }
  }
  for (let i = groups * 4, s = i * 3; i < pixels; i++, s += 3) gray[i] = (rgb[s]! * 77 + rgb[s + 1]! * 151 + rgb[s + 2]! * 28) >> 8;
}

/** A PNG or JPEG file for a native decoder (skia's, through @napi-rs/canvas). */
export interface EncodedImage {
  encoded: Buffer;
}

/**
 * The page's one image XObject: as a PNG or JPEG file when a native decoder can take it whole (a
 * JPEG; a Flate image with PNG predictors), else decoded here to grey composited over white; or
 * null if this path does not handle it.
 */
export function decodePageImage(doc: PDFDocument, pageIndex: number, drawn: ImageRect['pixels']): GrayImage | EncodedImage | null {
  const resources = doc.getPage(pageIndex).node.Resources();
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  const entries = xobjects.entries();
  if (entries.length !== 1) return null;
  const ref = entries[0]![1];
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) return null;
  const { dict } = stream;
  if (nameOf(dict.lookup(PDFName.of('Subtype'))) !== 'Image' || !plainImageDict(dict)) return null;
  const width = number(dict, 'Width');
  const height = number(dict, 'Height');
  const bpc = number(dict, 'BitsPerComponent');
  const comps = components(dict);
  if (!width || !height || !comps || !Number.isInteger(width) || !Number.isInteger(height)) return null;
  // The one image XObject is the picture PDFium draws (not, say, an inline image beside an unused one).
  if (width !== drawn.width || height !== drawn.height || stream.contents.byteLength !== drawn.rawBytes) return null;
  if (!(bpc === 8 || (bpc === 1 && comps === 1))) return null;
  const inverted = decodeInverted(dict, comps, bpc);
  if (inverted === null) return null;
  const smaskRef = dict.get(PDFName.of('SMask'));
  const filter = onlyFilter(dict);
  if (filter !== 'FlateDecode') return null; // JPEG: PDFium decodes it about as fast as skia, with less work after
  const predicted = (flatePredictor(dict, width, comps, bpc) ?? 0) >= 10;
  if (predicted && smaskRef === undefined && !inverted) {
    // PNG rows: skia undoes the row filters natively, for RGB about 15% less work than PDFium's
    // path; a grey image PDFium draws with less work than either (measured in label-raster.bench).
    // A Flate stream with PNG predictors over the image's own rows is a PNG's image data as it is.
    if (comps === 3) return { encoded: pngFile(width, height, bpc, 'rgb', stream.contents) };
    return null;
  }
  let alpha: Uint8Array | null = null;
  if (smaskRef !== undefined) {
    const smask = smaskRef instanceof PDFRef ? doc.context.lookup(smaskRef) : smaskRef;
    if (!(smask instanceof PDFRawStream)) return null;
    const m = smask.dict;
    if (number(m, 'Width') !== width || number(m, 'Height') !== height || number(m, 'BitsPerComponent') !== 8) return null;
    if (components(m) !== 1 || m.has(PDFName.of('Matte')) || !plainImageDict(m) || decodeInverted(m, 1, 8) !== false) return null;
    alpha = flateSamples(smask, width, height, 1, 8);
    if (!alpha) return null;
  }
  const samples = flateSamples(stream, width, height, comps, bpc);
  if (!samples) return null;
  const pixels = width * height;
  if (keptGray.length < pixels) keptGray = new Uint8Array(pixels);
  const gray = keptGray.subarray(0, pixels);
  if (bpc === 1) {
    const rowBytes = Math.ceil(width / 8);
    const on = inverted ? 0 : 255;
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      const out = y * width;
      for (let x = 0; x < width; x++) gray[out + x] = (samples[row + (x >> 3)]! >> (7 - (x & 7))) & 1 ? on : 255 - on;
    }
  } else if (comps === 1) {
    gray.set(samples.subarray(0, pixels));
  } else {
    rgbToGray(samples, gray, pixels);
  }
  if (alpha) {
    // Over the white page: a transparent pixel prints white whatever its colour. Opaque pixels
    // (most of them) are skipped four at a time.
    const opaque = alpha.byteOffset % 4 === 0 ? new Uint32Array(alpha.buffer, alpha.byteOffset, pixels >> 2) : null;
    for (let i = 0; i < pixels; i++) {
      if (opaque !== null && (i & 3) === 0 && opaque[i >> 2] === 0xffffffff) {
        i += 3;
        continue;
      }
      const a = alpha[i]!;
      if (a !== 255) gray[i] = 255 - ((((255 - gray[i]!) * a + 127) * 257) >> 16);
    }
  }
  return { width, height, gray };
}
