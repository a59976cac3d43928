/** PNG label -> 1-bit bitmap on the media (4x6 by default) at the printer's dpi. */
import { loadImage } from '@napi-rs/canvas';
import { bitmapFromRgba, type Bitmap } from './bitmap';
import { fitToMedia } from './fit';
import { DEFAULT_MEDIA, mediaDots, type MediaSize, type PrinterDpi } from './media';
import { withWhiteSurface } from './canvas-surface';

export async function rasterizePng(bytes: Uint8Array, dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA): Promise<Bitmap> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { widthDots, heightDots } = mediaDots(dpi, media);
  const place = fitToMedia(image.width, image.height, widthDots, heightDots);
  return withWhiteSurface(widthDots, heightDots, async ({ canvas, ctx }) => {
    // Smoothed both ways: enlarging, the 50% threshold of the interpolated grey gives diagonal and
    // curved edges at the printer's resolution instead of blocks the size of a source pixel (bar
    // edges stay where they were); shrinking, thin strokes do not vanish between sampled pixels.
    // Bilinear is enough (and fastest) to enlarge; shrinking takes mipmaps ('high').
    ctx.imageSmoothingEnabled = place.scale !== 1;
    ctx.imageSmoothingQuality = place.scale > 1 ? 'low' : 'medium';
    ctx.translate(place.offsetX, place.offsetY);
    if (place.rotate) {
      ctx.translate(place.drawnWidth, 0);
      ctx.rotate(Math.PI / 2);
    }
    ctx.scale(place.scale, place.scale);
    ctx.drawImage(image, 0, 0);
    // The surface is opaque (white underneath everything), so its raw premultiplied pixels equal
    // straight RGBA; reading them directly avoids getImageData's copy and conversion.
    const rgba = canvas.data();
    return bitmapFromRgba(rgba, widthDots, heightDots);
  });
}
