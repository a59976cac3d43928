/**
 * One page of a PDF label (the first unless told) -> 1-bit bitmap on the media (4x6 by default)
 * at the printer's dpi, drawn by PDFium straight into an 8-bit grey buffer (no canvas to read back).
 */
import { bitmapFromGray, type Bitmap } from './bitmap';
import { fitToMedia } from './fit';
import { DEFAULT_MEDIA, mediaDots, type MediaSize, type PrinterDpi } from './media';
import { BITMAP_GRAY, RENDER_ANNOTATIONS, RENDER_FOR_PRINT, loadPdfium, pdfiumLoadError, type Pdfium } from './pdfium';
import { PrintError } from '../print-error';
import { missingPageError } from './render-errors';
import { loadImage } from '@napi-rs/canvas';
import { imagePage, singleImageRect } from './image-page';
import { drawImageOnMedia } from './png-raster';

/**
 * Carriers' labels are 5 KB - 2 MB; a bigger file is refused before PDFium parses it, so a huge or
 * hostile file cannot grow the process's memory without bound or stall printing for long.
 */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export function pdfTooBigError(bytes: number): PrintError {
  return new PrintError(
    'label_unreadable',
    `The label PDF is ${(bytes / 1024 / 1024).toFixed(0)} MB, far bigger than any shipping label (at most ${MAX_PDF_BYTES / 1024 / 1024} MB), so the station will not print it.`,
    'Reprint from History to fetch the label again; if it is still this big, tell a supervisor.',
  );
}

/**
 * A page with this many objects or more is drawn in strips of STRIP_DOTS rows. PDFium's cost for an
 * object under a clip that is not a plain rectangle grows with the bitmap's height (it rasterizes
 * the clip into a mask as big as the bitmap): USPS's CP72 customs form (Apache FOP, 1,361 objects,
 * each text run clipped to the page minus a few boxes) takes about a third of the time in strips
 * of 48 rows. A strip costs a pass over every object, so ordinary labels (under 150 objects; an
 * Endicia CN22 has 1,283 unclipped ones and draws as fast either way) are drawn in one go.
 */
const MANY_OBJECTS = 500;
const STRIP_DOTS = 48;

/**
 * Grey buffers in PDFium's memory, kept between labels (4x6 at 203 dpi is 1 MB; a fresh one each
 * time costs an allocation and, in a grown heap, page faults). Rendering and thresholding run
 * synchronously, so two labels never share one at once.
 */
let kept: { pointer: number; bytes: number } | null = null;

function pdfiumBuffer(pdfium: Pdfium, bytes: number): number {
  if (kept && kept.bytes >= bytes) return kept.pointer;
  if (kept) pdfium.wasmExports.free(kept.pointer);
  kept = null;
  const pointer = pdfium.wasmExports.malloc(bytes);
  if (!pointer) throw new Error('PDFium could not allocate the page bitmap');
  kept = { pointer, bytes };
  return pointer;
}

/** The media-sized grey image a landscape page is turned into (JS memory, kept between labels). */
let turned = new Uint8Array(0);

/** Bytes a row of a grey image `width` dots wide takes in PDFium's buffer: whole 4-byte words, so rows can be read a word at a time. */
function strideOf(width: number): number {
  return (width + 3) & ~3;
}

/**
 * Draws the page unturned into PDFium's grey buffer (`width` x `height` dots, rows strideOf(width)
 * bytes), in strips when the page is complex (see MANY_OBJECTS); returns where the grey starts in
 * PDFium's memory.
 */
function drawPage(
  pdfium: Pdfium,
  page: number,
  width: number,
  height: number,
  at: { x: number; y: number; drawWidth: number; drawHeight: number },
): number {
  const stride = strideOf(width);
  const pixels = pdfiumBuffer(pdfium, stride * height);
  const flags = RENDER_FOR_PRINT | RENDER_ANNOTATIONS;
  const stripDots = pdfium._FPDFPage_CountObjects(page) >= MANY_OBJECTS ? STRIP_DOTS : height;
  for (let y0 = 0; y0 < height; y0 += stripDots) {
    const rows = Math.min(stripDots, height - y0);
    const strip = pdfium._FPDFBitmap_CreateEx(width, rows, BITMAP_GRAY, pixels + y0 * stride, stride);
    if (!strip) throw new Error('PDFium could not allocate the page bitmap');
    pdfium._FPDFBitmap_FillRect(strip, 0, 0, width, rows, 0xffffffff);
    pdfium._FPDF_RenderPageBitmap(strip, page, at.x, at.y - y0, at.drawWidth, at.drawHeight, 0, flags);
    pdfium._FPDFBitmap_Destroy(strip);
  }
  return pixels;
}

/**
 * Turns a landscape grey image (w x h dots, rows `stride` bytes) 90° clockwise onto a white
 * media-sized grey image, its top left corner at (offsetX, offsetY): its left edge lands at the
 * top, as PDFium's own turn does. White dots (most of a label) are skipped four at a time where
 * the rows are word-aligned.
 */
export function turnClockwise(
  gray: Uint8Array,
  w: number,
  h: number,
  stride: number,
  media: { widthDots: number; heightDots: number; offsetX: number; offsetY: number },
): Uint8Array {
  const { widthDots, heightDots, offsetX, offsetY } = media;
  const size = widthDots * heightDots;
  if (turned.length < size) turned = new Uint8Array(size);
  const out = turned.subarray(0, size).fill(255);
  const aligned = gray.byteOffset % 4 === 0 && stride % 4 === 0;
  const words = aligned ? new Uint32Array(gray.buffer, gray.byteOffset, (stride * h) >> 2) : null;
  const lastX = Math.min(w, heightDots - offsetY);
  for (let y = 0; y < h; y++) {
    const row = y * stride;
    const outX = offsetX + (h - 1 - y);
    if (outX < 0 || outX >= widthDots) continue;
    for (let x = 0; x < lastX; x++) {
      if (words !== null && (x & 3) === 0 && words[(row + x) >> 2] === 0xffffffff) {
        x += 3;
        continue;
      }
      const v = gray[row + x]!;
      if (v !== 255) out[(offsetY + x) * widthDots + outX] = v;
    }
  }
  return out;
}

export interface PdfRasterOptions {
  /** Draw every page through PDFium, even one that is a single picture (for comparisons). */
  wholeInPdfium?: boolean;
}

export async function rasterizePdf(
  bytes: Uint8Array,
  dpi: PrinterDpi,
  media: MediaSize = DEFAULT_MEDIA,
  pageNumber = 1,
  options: PdfRasterOptions = {},
): Promise<Bitmap> {
  if (bytes.byteLength > MAX_PDF_BYTES) throw pdfTooBigError(bytes.byteLength);
  const pdfium = await loadPdfium();
  const { widthDots, heightDots } = mediaDots(dpi, media);
  const file = pdfium.wasmExports.malloc(bytes.byteLength);
  let doc = 0;
  let page = 0;
  try {
    pdfium.HEAPU8.set(bytes, file);
    doc = pdfium._FPDF_LoadMemDocument(file, bytes.byteLength, 0);
    if (!doc) throw new Error(`PDFium: ${pdfiumLoadError(pdfium._FPDF_GetLastError())}`);
    const pages = pdfium._FPDF_GetPageCount(doc);
    if (pageNumber > pages) throw missingPageError(pageNumber, pages);
    page = pdfium._FPDF_LoadPage(doc, pageNumber - 1);
    if (!page) throw new Error(`PDFium could not read page ${pageNumber}`);
    // The page's own /Rotate is already applied by PDFium to its width and height.
    const place = fitToMedia(pdfium._FPDF_GetPageWidth(page), pdfium._FPDF_GetPageHeight(page), widthDots, heightDots);
    const drawWidth = Math.round(place.drawnWidth);
    const drawHeight = Math.round(place.drawnHeight);
    // A page that is one picture: decoded and scaled here (see image-page.ts), not by PDFium.
    const rect = options.wholeInPdfium ? null : singleImageRect(pdfium, page);
    if (rect) {
      const size = place.rotate
        ? { width: drawHeight, height: drawWidth, x0: 0, y0: 0 }
        : { width: widthDots, height: heightDots, x0: place.offsetX, y0: place.offsetY };
      const drawn = await imagePage(bytes, pageNumber - 1, rect, place.scale, size);
      if (drawn && 'encoded' in drawn) {
        const image = await loadImage(drawn.encoded).catch(() => null);
        const s = place.scale;
        const at = { x: rect.left * s, y: rect.top * s, width: rect.width * s, height: rect.height * s };
        if (image) return drawImageOnMedia(image, widthDots, heightDots, place, at);
      } else if (drawn && place.rotate) {
        const media = { widthDots, heightDots, offsetX: place.offsetX, offsetY: place.offsetY };
        return bitmapFromGray(turnClockwise(drawn.gray, drawHeight, drawWidth, drawn.stride, media), widthDots, heightDots);
      } else if (drawn) {
        return bitmapFromGray(drawn.gray, widthDots, heightDots, drawn.stride);
      }
    }
    if (place.rotate) {
      // A landscape page on portrait media: drawn unturned, then turned here. PDFium draws turned
      // text and clips markedly slower (USPS's CP72: about a third more time), and a 90° turn of
      // whole dots changes no dot.
      const pixels = drawPage(pdfium, page, drawHeight, drawWidth, { x: 0, y: 0, drawWidth: drawHeight, drawHeight: drawWidth });
      const stride = strideOf(drawHeight);
      const media = { widthDots, heightDots, offsetX: place.offsetX, offsetY: place.offsetY };
      const gray = turnClockwise(pdfium.HEAPU8.subarray(pixels, pixels + stride * drawWidth), drawHeight, drawWidth, stride, media);
      return bitmapFromGray(gray, widthDots, heightDots);
    }
    // Straight into a grey buffer of exactly the printer's dots, fitted by PDFium itself (no scale pass after it).
    const pixels = drawPage(pdfium, page, widthDots, heightDots, { x: place.offsetX, y: place.offsetY, drawWidth, drawHeight });
    const stride = strideOf(widthDots);
    // HEAPU8 is read after rendering: the WASM memory may have grown (and moved) meanwhile.
    return bitmapFromGray(pdfium.HEAPU8.subarray(pixels, pixels + stride * heightDots), widthDots, heightDots, stride);
  } finally {
    if (page) pdfium._FPDF_ClosePage(page);
    if (doc) pdfium._FPDF_CloseDocument(doc);
    pdfium.wasmExports.free(file);
  }
}
