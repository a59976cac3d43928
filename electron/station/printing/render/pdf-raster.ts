/** One page of a PDF label (the first unless told) -> 1-bit bitmap on the media (4x6 by default) at the printer's dpi. */
import { bitmapFromRgba, type Bitmap } from './bitmap';
import { withWhiteSurface } from './canvas-surface';
import { fitToMedia } from './fit';
import { DEFAULT_MEDIA, mediaDots, type MediaSize, type PrinterDpi } from './media';
import { CachedBinaryDataFactory, loadPdfjs, pdfjsDataPaths } from './pdfjs-loader';
import { missingPageError } from './render-errors';

export async function rasterizePdf(bytes: Uint8Array, dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA, pageNumber = 1): Promise<Bitmap> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
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
    if (pageNumber > doc.numPages) throw missingPageError(pageNumber, doc.numPages);
    const page = await doc.getPage(pageNumber);
    const natural = page.getViewport({ scale: 1 });
    const { widthDots, heightDots } = mediaDots(dpi, media);
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
      // The surface is opaque (white underneath everything), so its raw premultiplied pixels equal
      // straight RGBA; reading them directly avoids getImageData's copy and conversion.
      const rgba = canvas.data();
      return bitmapFromRgba(rgba, widthDots, heightDots);
    });
  } finally {
    await task.destroy();
  }
}
