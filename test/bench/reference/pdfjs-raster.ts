/**
 * The station's previous PDF rasterizer (until PDFium replaced it), kept only as the bench's
 * reference: pdfjs-dist's legacy Node build draws the page on an @napi-rs/canvas surface, whose
 * pixels are read back and thresholded at 50%.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createBitmap, type Bitmap } from '../../../electron/station/printing/render/bitmap';
import { withWhiteSurface } from '../../../electron/station/printing/render/canvas-surface';
import { fitToMedia } from '../../../electron/station/printing/render/fit';
import { mediaDots, type PrinterDpi } from '../../../electron/station/printing/render/media';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjsDataPaths = {
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  wasmUrl: join(pdfjsRoot, 'wasm') + '/',
};
const fileCache = new Map<string, Uint8Array>();
class CachedBinaryDataFactory {
  private readonly urls: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const path = `${this.urls[kind]!}${filename}`;
    let bytes = fileCache.get(path);
    if (!bytes) {
      bytes = new Uint8Array(readFileSync(path));
      fileCache.set(path, bytes);
    }
    return bytes.slice();
  }
}
let loading: Promise<PdfjsModule> | undefined;
function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // @ts-expect-error pdfjs-dist ships no typings for the worker entry.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return pdfjs;
  })();
  return loading;
}

/** The old 50% threshold (no sub-dot stroke keeping). */
function oldThreshold(rgba: Uint8Array | Uint8ClampedArray, widthDots: number, heightDots: number): Bitmap {
  const bitmap = createBitmap(widthDots, heightDots);
  const { data, bytesPerRow } = bitmap;
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, widthDots * heightDots);
  for (let y = 0; y < heightDots; y++) {
    for (let x = 0; x < widthDots; x++) {
      const i = y * widthDots + x;
      if (words[i] === 0xffffffff) continue;
      const p = i << 2;
      if (299 * rgba[p]! + 587 * rgba[p + 1]! + 114 * rgba[p + 2]! < 128_000) data[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

export async function rasterizePdfWithPdfjs(bytes: Uint8Array, dpi: PrinterDpi, pageNumber = 1): Promise<Bitmap> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsDataPaths,
    BinaryDataFactory: CachedBinaryDataFactory,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(pageNumber);
    const natural = page.getViewport({ scale: 1 });
    const { widthDots, heightDots } = mediaDots(dpi);
    const place = fitToMedia(natural.width, natural.height, widthDots, heightDots);
    const viewport = page.getViewport({
      scale: place.scale,
      rotation: (page.rotate + (place.rotate ? 90 : 0)) % 360,
      offsetX: place.offsetX,
      offsetY: place.offsetY,
    });
    return await withWhiteSurface(widthDots, heightDots, async ({ canvas, ctx }) => {
      await page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: ctx as unknown as CanvasRenderingContext2D,
        viewport,
        intent: 'print',
        background: '#ffffff',
      }).promise;
      return oldThreshold(canvas.data(), widthDots, heightDots);
    });
  } finally {
    await task.destroy();
  }
}

/** The previous PNG path: nearest-neighbour when enlarging, then the old threshold. */
export async function rasterizePngOld(bytes: Uint8Array, dpi: PrinterDpi): Promise<Bitmap> {
  const { loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { widthDots, heightDots } = mediaDots(dpi);
  const place = fitToMedia(image.width, image.height, widthDots, heightDots);
  return withWhiteSurface(widthDots, heightDots, async ({ canvas, ctx }) => {
    ctx.imageSmoothingEnabled = place.scale < 1;
    ctx.imageSmoothingQuality = 'high';
    ctx.translate(place.offsetX, place.offsetY);
    if (place.rotate) {
      ctx.translate(place.drawnWidth, 0);
      ctx.rotate(Math.PI / 2);
    }
    ctx.scale(place.scale, place.scale);
    ctx.drawImage(image, 0, 0);
    return oldThreshold(canvas.data(), widthDots, heightDots);
  });
}
