/**
 * The dots of the last few labels drawn, by the label's bytes and how they were drawn. The scan
 * screen previews the label the station has just printed (History the one just reprinted), at the
 * default printer's dpi and media: that label is drawn once for both, not twice (4-25 ms each on
 * the main process's thread). A label asked again while it is being drawn waits for that drawing.
 */
import { createHash } from 'node:crypto';
import type { Bitmap } from './bitmap';
import { DEFAULT_MEDIA } from './media';
import { rasterizeLabel, type RasterOptions } from './raster';

/** A print and its preview, and a few more (each box of a split label printed whole is one). */
const KEPT_LABELS = 4;
const kept = new Map<string, Promise<Bitmap>>();

/** rasterizeLabel's dots, drawn again only when not among the last KEPT_LABELS; each caller gets its own copy. */
export async function keptRaster(bytes: Uint8Array, opts: RasterOptions): Promise<Bitmap> {
  const key = [createHash('sha256').update(bytes).digest('base64'), opts.dpi, opts.media ?? DEFAULT_MEDIA, opts.page ?? 1].join(' ');
  let drawing = kept.get(key);
  if (drawing) kept.delete(key);
  else {
    const drawn = rasterizeLabel(bytes, opts);
    drawn.catch(() => kept.get(key) === drawn && kept.delete(key));
    drawing = drawn;
  }
  kept.set(key, drawing);
  while (kept.size > KEPT_LABELS) kept.delete(kept.keys().next().value!);
  const bitmap = await drawing;
  return { ...bitmap, data: bitmap.data.slice() };
}
