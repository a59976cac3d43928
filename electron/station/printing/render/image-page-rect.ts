/**
 * Whether a PDF page is one picture drawn upright inside the page box, and where it lies: read
 * through PDFium's page objects (the page's content is already parsed there). Only such a page
 * takes the picture path of image-page.ts.
 */
import { PAGEOBJ_IMAGE, withPageObjects, type Pdfium, type PdfiumPageObjects } from './pdfium';

/** Where the image lands on the page, in PDF points from the page box's top left corner (y down). */
export interface ImageRect {
  left: number;
  top: number;
  width: number;
  height: number;
  /** What PDFium read of the image, to be sure the stream decoded here is the one it draws. */
  pixels: { width: number; height: number; rawBytes: number };
}

/**
 * Pictures bigger than this (a 600 dpi 4x8 image is 11.5 M pixels) are left to PDFium, which
 * draws them a strip at a time, rather than decoded whole here.
 */
const MAX_PIXELS = 16 * 1024 * 1024;

/**
 * If the page is one upright image inside the page box, where it lies; else null. Read through
 * PDFium, which has already parsed the page's content.
 */
export function singleImageRect(pdfium: Pdfium, page: number): ImageRect | null {
  const p = withPageObjects(pdfium);
  if (p._FPDFPage_CountObjects(page) !== 1) return null;
  const object = p._FPDFPage_GetObject(page, 0);
  if (!object || p._FPDFPageObj_GetType(object) !== PAGEOBJ_IMAGE) return null;
  if (p._FPDFPage_GetAnnotCount(page) !== 0 || p._FPDFPage_GetRotation(page) !== 0) return null;
  // Drawn through a soft mask, with alpha or a blend mode of its graphics state: left to PDFium.
  if (p._FPDFPageObj_HasTransparency(object)) return null;
  const floats = p.wasmExports.malloc(4 * 6);
  if (!floats) return null;
  try {
    if (!p._FPDFPageObj_GetMatrix(object, floats)) return null;
    const [a, b, c, d, e, f] = Array.from(p.HEAPF32.subarray(floats >> 2, (floats >> 2) + 6));
    if (b !== 0 || c !== 0 || !(a! > 0) || !(d! > 0)) return null;
    if (!clipLeavesWhole(p, p._FPDFPageObj_GetClipPath(object), { x0: e!, y0: f!, x1: e! + a!, y1: f! + d! }, floats)) return null;
    const boxed =
      p._FPDFPage_GetCropBox(page, floats, floats + 4, floats + 8, floats + 12) ||
      p._FPDFPage_GetMediaBox(page, floats, floats + 4, floats + 8, floats + 12);
    if (!boxed) return null;
    const [left, bottom, right, top] = Array.from(p.HEAPF32.subarray(floats >> 2, (floats >> 2) + 4)) as [number, number, number, number];
    const x0 = Math.min(left, right);
    const x1 = Math.max(left, right);
    const y0 = Math.min(bottom, top);
    const y1 = Math.max(bottom, top);
    // The page box PDFium draws must be the one its size says (a crop box sticking out of the media box is not).
    if (Math.abs(x1 - x0 - p._FPDF_GetPageWidth(page)) > 0.01 || Math.abs(y1 - y0 - p._FPDF_GetPageHeight(page)) > 0.01) return null;
    // Inside the page, to within a hundredth of a point (generators round).
    const slack = 0.01;
    if (e! < x0 - slack || f! < y0 - slack || e! + a! > x1 + slack || f! + d! > y1 + slack) return null;
    if (!p._FPDFImageObj_GetImagePixelSize(object, floats, floats + 4)) return null;
    const pixels = {
      width: p.HEAP32[floats >> 2]!,
      height: p.HEAP32[(floats >> 2) + 1]!,
      rawBytes: p._FPDFImageObj_GetImageDataRaw(object, 0, 0),
    };
    if (pixels.width * pixels.height > MAX_PIXELS) return null;
    return { left: Math.max(0, e! - x0), top: Math.max(0, y1 - (f! + d!)), width: a!, height: d!, pixels };
  } finally {
    p.wasmExports.free(floats);
  }
}

/** FPDF_SEGMENT_LINETO, FPDF_SEGMENT_MOVETO. */
const SEGMENT_LINETO = 0;

const SEGMENT_MOVETO = 2;

/**
 * The object's clip cuts nothing off the image: no clip, or only rectangles (as generators clip
 * to the page) that hold the image's box. `scratch` is 8 bytes of PDFium memory for a point.
 */
function clipLeavesWhole(
  p: Pdfium & PdfiumPageObjects,
  clip: number,
  box: { x0: number; y0: number; x1: number; y1: number },
  scratch: number,
): boolean {
  if (!clip) return true;
  const paths = p._FPDFClipPath_CountPaths(clip);
  if (paths < 0) return true; // PDFium's "no clip"
  if (paths === 0) return false; // a clip of text alone: left to PDFium
  const slack = 0.01;
  for (let i = 0; i < paths; i++) {
    const segments = p._FPDFClipPath_CountPathSegments(clip, i);
    if (segments < 4 || segments > 5) return false;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 0; k < segments; k++) {
      const segment = p._FPDFClipPath_GetPathSegment(clip, i, k);
      const type = p._FPDFPathSegment_GetType(segment);
      if (type !== (k === 0 ? SEGMENT_MOVETO : SEGMENT_LINETO)) return false;
      if (!p._FPDFPathSegment_GetPoint(segment, scratch, scratch + 4)) return false;
      xs.push(p.HEAPF32[scratch >> 2]!);
      ys.push(p.HEAPF32[(scratch >> 2) + 1]!);
    }
    // A rectangle: every point on one of two x values and one of two y values, each corner once.
    const left = Math.min(...xs);
    const right = Math.max(...xs);
    const bottom = Math.min(...ys);
    const top = Math.max(...ys);
    const onEdges = xs.every((x, k) => (x === left || x === right) && (ys[k] === bottom || ys[k] === top));
    const corners = new Set(xs.slice(0, 4).map((x, k) => `${x},${ys[k]}`));
    if (!onEdges || corners.size !== 4) return false;
    if (left > box.x0 + slack || bottom > box.y0 + slack || right < box.x1 - slack || top < box.y1 - slack) return false;
  }
  return true;
}
