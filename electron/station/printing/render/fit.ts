/** Where a source page lands on the media: scaled to fit, aspect kept, centred, turned if landscape. */
export interface Placement {
  /** Turn the source 90° clockwise (a landscape page on portrait media). */
  rotate: boolean;
  /** Media dots per source unit. */
  scale: number;
  /** Size of the drawn page on the media, in dots, after rotation. */
  drawnWidth: number;
  drawnHeight: number;
  /** Top-left corner of the drawn page on the media, in dots. */
  offsetX: number;
  offsetY: number;
}

export function fitToMedia(sourceWidth: number, sourceHeight: number, mediaWidth: number, mediaHeight: number): Placement {
  if (!(sourceWidth > 0 && sourceHeight > 0)) throw new Error('source page has no size');
  const rotate = sourceWidth > sourceHeight !== mediaWidth > mediaHeight && sourceWidth !== sourceHeight;
  const w = rotate ? sourceHeight : sourceWidth;
  const h = rotate ? sourceWidth : sourceHeight;
  const scale = Math.min(mediaWidth / w, mediaHeight / h);
  const drawnWidth = w * scale;
  const drawnHeight = h * scale;
  return {
    rotate,
    scale,
    drawnWidth,
    drawnHeight,
    // Whole dots, so the page sits on the printer's dot grid (crisper bar edges).
    offsetX: Math.max(0, Math.round((mediaWidth - drawnWidth) / 2)),
    offsetY: Math.max(0, Math.round((mediaHeight - drawnHeight) / 2)),
  };
}
