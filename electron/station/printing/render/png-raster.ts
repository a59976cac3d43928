/** PNG label -> 1-bit bitmap on the media (4x6 by default) at the printer's dpi. */
import { loadImage, type Image } from '@napi-rs/canvas';
import { bitmapFromRgba, type Bitmap } from './bitmap';
import { fitToMedia, type Placement } from './fit';
import { DEFAULT_MEDIA, mediaDots, type MediaSize, type PrinterDpi } from './media';
import { withWhiteSurface } from './canvas-surface';

export async function rasterizePng(bytes: Uint8Array, dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA): Promise<Bitmap> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { widthDots, heightDots } = mediaDots(dpi, media);
  const place = fitToMedia(image.width, image.height, widthDots, heightDots);
  return drawImageOnMedia(image, widthDots, heightDots, place, {
    x: 0,
    y: 0,
    width: image.width * place.scale,
    height: image.height * place.scale,
  });
}

/**
 * Draws a decoded image onto the white media, smoothed, and thresholds it. `place` says where the
 * page lies on the media (and whether it is turned); `at` is the image's box on the unturned
 * page, in dots.
 */
export function drawImageOnMedia(
  image: Image,
  widthDots: number,
  heightDots: number,
  place: Placement,
  at: { x: number; y: number; width: number; height: number },
): Promise<Bitmap> {
  return withWhiteSurface(widthDots, heightDots, async ({ canvas, ctx }) => {
    // Smoothed both ways: enlarging, the 50% threshold of the interpolated grey gives diagonal and
    // curved edges at the printer's resolution instead of blocks the size of a source pixel (bar
    // edges stay where they were); shrinking, thin strokes do not vanish between sampled pixels.
    // Bilinear is enough (and fastest) to enlarge; shrinking takes mipmaps ('high').
    const exact = at.width === image.width && at.height === image.height;
    ctx.imageSmoothingEnabled = !exact;
    ctx.imageSmoothingQuality = at.width > image.width ? 'low' : 'medium';
    ctx.translate(place.offsetX, place.offsetY);
    if (place.rotate) {
      ctx.translate(place.drawnWidth, 0);
      ctx.rotate(Math.PI / 2);
    }
    ctx.drawImage(image, at.x, at.y, at.width, at.height);
    // The surface is opaque (white underneath everything), so its raw premultiplied pixels equal
    // straight RGBA; reading them directly avoids getImageData's copy and conversion.
    const rgba = canvas.data();
    return bitmapFromRgba(rgba, widthDots, heightDots);
  });
}
