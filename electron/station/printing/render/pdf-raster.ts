/**
 * One page of a PDF label (the first unless told) -> 1-bit bitmap on the media (4x6 by default)
 * at the printer's dpi, drawn by PDFium straight into an 8-bit grey buffer (no canvas to read back).
 */
import { bitmapFromGray, type Bitmap } from './bitmap';
import { fitToMedia } from './fit';
import { DEFAULT_MEDIA, mediaDots, type MediaSize, type PrinterDpi } from './media';
import { BITMAP_GRAY, RENDER_ANNOTATIONS, RENDER_FOR_PRINT, loadPdfium, pdfiumLoadError } from './pdfium';
import { PrintError } from '../print-error';
import { missingPageError } from './render-errors';

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

/** Rows drawn at a time (8 strips for a 4x6 label at 203 dpi). */
const STRIP_DOTS = 160;

export async function rasterizePdf(bytes: Uint8Array, dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA, pageNumber = 1): Promise<Bitmap> {
  if (bytes.byteLength > MAX_PDF_BYTES) throw pdfTooBigError(bytes.byteLength);
  const pdfium = await loadPdfium();
  const { widthDots, heightDots } = mediaDots(dpi, media);
  const file = pdfium.wasmExports.malloc(bytes.byteLength);
  let doc = 0;
  let page = 0;
  let pixels = 0;
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
    pixels = pdfium.wasmExports.malloc(widthDots * heightDots);
    if (!pixels) throw new Error('PDFium could not allocate the page bitmap');
    const flags = RENDER_FOR_PRINT | RENDER_ANNOTATIONS;
    // Drawn in strips into one buffer: PDFium's cost per object grows with the bitmap's size (a
    // clip mask, say, is as big as the bitmap), so a customs form of 1300 clipped text runs takes
    // a quarter of the time in strips; a plain label takes the same.
    for (let y0 = 0; y0 < heightDots; y0 += STRIP_DOTS) {
      const rows = Math.min(STRIP_DOTS, heightDots - y0);
      const strip = pdfium._FPDFBitmap_CreateEx(widthDots, rows, BITMAP_GRAY, pixels + y0 * widthDots, widthDots);
      if (!strip) throw new Error('PDFium could not allocate the page bitmap');
      pdfium._FPDFBitmap_FillRect(strip, 0, 0, widthDots, rows, 0xffffffff);
      pdfium._FPDF_RenderPageBitmap(
        strip,
        page,
        place.offsetX,
        place.offsetY - y0,
        Math.round(place.drawnWidth),
        Math.round(place.drawnHeight),
        place.rotate ? 1 : 0,
        flags,
      );
      pdfium._FPDFBitmap_Destroy(strip);
    }
    // HEAPU8 is read after rendering: the WASM memory may have grown (and moved) meanwhile.
    return bitmapFromGray(pdfium.HEAPU8.subarray(pixels, pixels + widthDots * heightDots), widthDots, heightDots);
  } finally {
    if (pixels) pdfium.wasmExports.free(pixels);
    if (page) pdfium._FPDF_ClosePage(page);
    if (doc) pdfium._FPDF_CloseDocument(doc);
    pdfium.wasmExports.free(file);
  }
}
