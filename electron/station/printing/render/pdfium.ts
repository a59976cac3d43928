/**
 * PDFium (Chrome's PDF engine) compiled to WebAssembly, from @hyzyla/pdfium (MIT wrapper, PDFium
 * itself BSD-3): loaded once per process and reused, since instantiating the module costs ~70 ms
 * and its memory only grows. Every call runs to completion synchronously, so uses never interleave.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFiumModule } from '@hyzyla/pdfium';

export type Pdfium = Awaited<ReturnType<typeof PDFiumModule>>;

const require = createRequire(import.meta.url);
let loading: Promise<Pdfium> | undefined;

export function loadPdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const wasm = readFileSync(require.resolve('@hyzyla/pdfium/pdfium.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    // locateFile short-circuits the module's own lookup of the .wasm next to its script.
    const module = await PDFiumModule({ wasmBinary, locateFile: () => '' });
    // A null config: no V8, no user font paths.
    module._FPDF_InitLibraryWithConfig(0 as unknown as object);
    return module;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** FPDFBitmap_Gray: one byte per pixel, 0 = black. */
export const BITMAP_GRAY = 1;
/** FPDF_PRINTING: render for print (print-only annotations shown, screen-only ones hidden). */
export const RENDER_FOR_PRINT = 0x800;
/** FPDF_ANNOT: draw annotation appearances (some carriers put the tracking text in one). */
export const RENDER_ANNOTATIONS = 0x01;

/** PDFium's FPDF_GetLastError codes, in words a worker can act on. */
export function pdfiumLoadError(code: number): string {
  switch (code) {
    case 4:
      return 'it is protected by a password';
    case 5:
      return 'it uses an encryption the station cannot read';
    case 3:
      return 'it is not a PDF or is damaged';
    default:
      return 'it could not be opened';
  }
}

/**
 * PDFium functions the module exports but @hyzyla/pdfium's type leaves out (signatures from
 * PDFium's public headers; pointers are offsets into HEAPU8, floats read through HEAPF32).
 */
export interface PdfiumPageObjects {
  _FPDFPage_GetAnnotCount(page: number): number;
  _FPDFPage_GetRotation(page: number): number;
  _FPDFPage_GetCropBox(page: number, left: number, bottom: number, right: number, top: number): number;
  _FPDFPage_GetMediaBox(page: number, left: number, bottom: number, right: number, top: number): number;
  _FPDFPageObj_GetMatrix(object: number, matrix: number): number;
  _FPDFPageObj_GetClipPath(object: number): number;
  _FPDFPageObj_HasTransparency(object: number): number;
  _FPDFClipPath_CountPaths(clip: number): number;
  _FPDFClipPath_CountPathSegments(clip: number, path: number): number;
  _FPDFClipPath_GetPathSegment(clip: number, path: number, index: number): number;
  _FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  _FPDFPathSegment_GetType(segment: number): number;
  HEAPF32: Float32Array;
}

export function withPageObjects(pdfium: Pdfium): Pdfium & PdfiumPageObjects {
  return pdfium as Pdfium & PdfiumPageObjects;
}

/** FPDF_PAGEOBJ_IMAGE. */
export const PAGEOBJ_IMAGE = 3;
