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
 * The grey page buffer in PDFium's memory, kept between labels (4x6 at 203 dpi is 1 MB; a fresh
 * one each time costs an allocation and, in a grown heap, page faults). Rendering and
 * thresholding run synchronously, so two labels never share it at once.
 */
let pageBuffer = { pointer: 0, bytes: 0 };

function pixelBuffer(pdfium: Pdfium, bytes: number): number {
  if (pageBuffer.bytes < bytes) {
    if (pageBuffer.pointer) pdfium.wasmExports.free(pageBuffer.pointer);
    pageBuffer = { pointer: 0, bytes: 0 };
    const pointer = pdfium.wasmExports.malloc(bytes);
    if (!pointer) throw new Error('PDFium could not allocate the page bitmap');
    pageBuffer = { pointer, bytes };
  }
  return pageBuffer.pointer;
}

export async function rasterizePdf(bytes: Uint8Array, dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA, pageNumber = 1): Promise<Bitmap> {
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
    const pixels = pixelBuffer(pdfium, widthDots * heightDots);
    const flags = RENDER_FOR_PRINT | RENDER_ANNOTATIONS;
    // Straight into a grey buffer of exactly the printer's dots, fitted and turned by PDFium itself
    // (no scale or rotate pass after it); a complex page in strips (see MANY_OBJECTS).
    const stripDots = pdfium._FPDFPage_CountObjects(page) >= MANY_OBJECTS ? STRIP_DOTS : heightDots;
    for (let y0 = 0; y0 < heightDots; y0 += stripDots) {
      const rows = Math.min(stripDots, heightDots - y0);
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
    if (page) pdfium._FPDF_ClosePage(page);
    if (doc) pdfium._FPDF_CloseDocument(doc);
    pdfium.wasmExports.free(file);
  }
}
