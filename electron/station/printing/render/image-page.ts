/**
 * The fast path for a PDF page that is one picture (a carrier's label scanned or rendered to an
 * image, then wrapped in a PDF): the image's stream is decoded here (zlib in Node, native) and
 * scaled smoothly straight to the printer's dots, instead of by PDFium in WebAssembly, whose
 * decoding of a full-page 300 dpi image is most of the time (a 1200 x 1800 RGB image with an alpha
 * mask: ~55 ms of PDFium's ~60 ms; this path takes a fraction of it).
 *
 * Only what is certain to print as PDFium would print it is taken: one image object drawn upright
 * (no turn, skew, flip or clip), inside the page, no annotations, no page /Rotate, a Flate-encoded
 * (PNG predictors allowed) grey or RGB image of 8 bits (or 1-bit grey), optionally with an 8-bit
 * soft mask of the same size. Anything else returns null and the page goes through PDFium whole.
 */
import { PDFDocument } from 'pdf-lib';
import { decodePageImage, type EncodedImage, type GrayImage } from './pdf-image-decode';
import type { ImageRect } from './image-page-rect';
import { resampleGrayInto } from './resample';

export { singleImageRect, type ImageRect } from './image-page-rect';

/** The white grey page the image is drawn on, kept between labels. */
let keptPage = new Uint8Array(0);

function whitePage(bytes: number): Uint8Array {
  if (keptPage.length < bytes) keptPage = new Uint8Array(bytes);
  return keptPage.subarray(0, bytes).fill(255);
}

/**
 * The page's image, either scaled to the printer's dots as grey on a white image of `width` x
 * `height` dots (rows `stride` bytes) whose unturned page's top left corner is at (x0, y0), or as a
 * PNG/JPEG file to decode and draw natively; null if this path does not handle it. `scale` is
 * dots per point.
 */
export async function imagePage(
  bytes: Uint8Array,
  pageIndex: number,
  rect: ImageRect,
  scale: number,
  size: { width: number; height: number; x0: number; y0: number },
): Promise<{ gray: Uint8Array; stride: number } | EncodedImage | null> {
  let doc: PDFDocument;
  try {
    // Parsing is cheap next to decoding: streams are located, not decoded.
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null; // encrypted, damaged: PDFium decides
  }
  // From here on synchronous: the kept buffers are not shared with another label meanwhile.
  let image: GrayImage | EncodedImage | null;
  try {
    image = decodePageImage(doc, pageIndex, rect.pixels);
  } catch {
    return null;
  }
  if (!image || 'encoded' in image) return image;
  const x0 = size.x0 + Math.round(rect.left * scale);
  const y0 = size.y0 + Math.round(rect.top * scale);
  const x1 = Math.min(size.width, size.x0 + Math.round((rect.left + rect.width) * scale));
  const y1 = Math.min(size.height, size.y0 + Math.round((rect.top + rect.height) * scale));
  if (x1 <= x0 || y1 <= y0) return null;
  const stride = (size.width + 3) & ~3;
  const gray = whitePage(stride * size.height);
  resampleGrayInto(image.gray, image.width, image.height, gray, stride, x0, y0, x1 - x0, y1 - y0);
  return { gray, stride };
}
