/**
 * The station's PDFium path before the render-target work (kept only as the bench's "before"):
 * every page drawn in strips of 160 rows into a freshly allocated grey buffer, then thresholded by
 * a per-dot loop that reads neighbours through a bounds-checking closure. Same dots as the shipped
 * path (test/electron/station/printing/render/threshold.test.ts checks the threshold).
 */
import { createBitmap, type Bitmap } from '../../../electron/station/printing/render/bitmap';
import { fitToMedia } from '../../../electron/station/printing/render/fit';
import { mediaDots, type PrinterDpi } from '../../../electron/station/printing/render/media';
import { BITMAP_GRAY, RENDER_ANNOTATIONS, RENDER_FOR_PRINT, loadPdfium } from '../../../electron/station/printing/render/pdfium';

const INK = 128;
const FAINT = 192;

function thinStrokeCore(v: number, before: number, after: number, before2: number, after2: number): boolean {
  const beforeWhite = before >= FAINT;
  const afterWhite = after >= FAINT;
  if (beforeWhite && afterWhite) return true;
  if (beforeWhite) return after2 >= FAINT && v < after;
  if (afterWhite) return before2 >= FAINT && v <= before;
  return false;
}

/** The previous bitmapFromGray, verbatim. */
export function bitmapFromGrayV1(gray: Uint8Array, widthDots: number, heightDots: number, stride = widthDots): Bitmap {
  const bitmap = createBitmap(widthDots, heightDots);
  const { data, bytesPerRow } = bitmap;
  if (gray.length < stride * (heightDots - 1) + widthDots)
    throw new RangeError(`expected ${stride * heightDots} grey bytes, got ${gray.length}`);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= widthDots || y >= heightDots ? 255 : gray[y * stride + x]!);
  for (let y = 0; y < heightDots; y++) {
    const row = y * stride;
    const rowByte = y * bytesPerRow;
    for (let x = 0; x < widthDots; x++) {
      const v = gray[row + x]!;
      if (v >= FAINT) continue;
      if (
        v < INK ||
        thinStrokeCore(v, at(x, y - 1), at(x, y + 1), at(x, y - 2), at(x, y + 2)) ||
        thinStrokeCore(v, at(x - 1, y), at(x + 1, y), at(x - 2, y), at(x + 2, y))
      ) {
        data[rowByte + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
  }
  return bitmap;
}

const STRIP_DOTS = 160;

export async function rasterizePdfV1(bytes: Uint8Array, dpi: PrinterDpi, pageNumber = 1): Promise<Bitmap> {
  const pdfium = await loadPdfium();
  const { widthDots, heightDots } = mediaDots(dpi);
  const file = pdfium.wasmExports.malloc(bytes.byteLength);
  let doc = 0;
  let page = 0;
  let pixels = 0;
  try {
    pdfium.HEAPU8.set(bytes, file);
    doc = pdfium._FPDF_LoadMemDocument(file, bytes.byteLength, 0);
    if (!doc) throw new Error('PDFium could not open the PDF');
    page = pdfium._FPDF_LoadPage(doc, pageNumber - 1);
    if (!page) throw new Error(`PDFium could not read page ${pageNumber}`);
    const place = fitToMedia(pdfium._FPDF_GetPageWidth(page), pdfium._FPDF_GetPageHeight(page), widthDots, heightDots);
    pixels = pdfium.wasmExports.malloc(widthDots * heightDots);
    for (let y0 = 0; y0 < heightDots; y0 += STRIP_DOTS) {
      const rows = Math.min(STRIP_DOTS, heightDots - y0);
      const strip = pdfium._FPDFBitmap_CreateEx(widthDots, rows, BITMAP_GRAY, pixels + y0 * widthDots, widthDots);
      pdfium._FPDFBitmap_FillRect(strip, 0, 0, widthDots, rows, 0xffffffff);
      pdfium._FPDF_RenderPageBitmap(
        strip,
        page,
        place.offsetX,
        place.offsetY - y0,
        Math.round(place.drawnWidth),
        Math.round(place.drawnHeight),
        place.rotate ? 1 : 0,
        RENDER_FOR_PRINT | RENDER_ANNOTATIONS,
      );
      pdfium._FPDFBitmap_Destroy(strip);
    }
    return bitmapFromGrayV1(pdfium.HEAPU8.subarray(pixels, pixels + widthDots * heightDots), widthDots, heightDots);
  } finally {
    if (pixels) pdfium.wasmExports.free(pixels);
    if (page) pdfium._FPDF_ClosePage(page);
    if (doc) pdfium._FPDF_CloseDocument(doc);
    pdfium.wasmExports.free(file);
  }
}
