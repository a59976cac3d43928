/**
 * A white media-sized canvas, reused per size (allocating a 4x6 canvas costs more than clearing
 * it). Uses are serialised, since a PDF render awaits while it draws.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

export interface Surface {
  canvas: Canvas;
  ctx: SKRSContext2D;
}

const surfaces = new Map<string, Surface>();
let queue: Promise<unknown> = Promise.resolve();

function whiteSurface(width: number, height: number): Surface {
  const key = `${width}x${height}`;
  let surface = surfaces.get(key);
  if (!surface) {
    const canvas = createCanvas(width, height);
    surface = { canvas, ctx: canvas.getContext('2d') };
    surfaces.set(key, surface);
  }
  const { ctx } = surface;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  return surface;
}

export function withWhiteSurface<T>(width: number, height: number, draw: (surface: Surface) => Promise<T>): Promise<T> {
  const run = queue.then(() => draw(whiteSurface(width, height)));
  queue = run.catch(() => undefined);
  return run;
}
