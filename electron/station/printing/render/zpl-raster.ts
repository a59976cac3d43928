/**
 * A carrier's ZPL label -> the 1-bit bitmap a ZPL printer of this dpi prints from it, for the
 * preview only (a ZPL printer gets the ZPL itself). Drawn by zpl-renderer-js (MIT): zebrash, a Go
 * ZPL renderer compiled to WebAssembly, which runs in plain Node (no DOM). Its ~9 MB module is
 * loaded on the first ZPL preview and kept.
 */
import { loadImage } from '@napi-rs/canvas';
import { bitmapFromRgba, type Bitmap } from './bitmap';
import { withWhiteSurface } from './canvas-surface';
import { DEFAULT_MEDIA, mediaMillimetres, type MediaSize, type PrinterDpi } from './media';
import { PrintError } from '../print-error';

type ZplApi = Awaited<(typeof import('zpl-renderer-js'))['ready']>['api'];
let loading: Promise<ZplApi> | undefined;

function loadZplRenderer(): Promise<ZplApi> {
  loading ??= import('zpl-renderer-js').then(async (m) => (await m.ready).api);
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Carriers' ZPL (graphics included) is well under 1 MB; a bigger file is not drawn. */
export const MAX_ZPL_PREVIEW_BYTES = 4 * 1024 * 1024;

const DOTS_PER_MM: Record<PrinterDpi, number> = { 203: 8, 300: 12, 600: 24 };

function previewFailed(why: string): PrintError {
  return new PrintError(
    'preview_unavailable',
    `The ZPL label could not be drawn for the preview (${why}).`,
    'Print it to see it: the printer gets the ZPL as it is.',
  );
}

/** The file's first label (zebrash skips set-up formats such as ^XA^MCY^XZ), on the media at the printer's dpi. */
export async function rasterizeZpl(bytes: Uint8Array, dpi: PrinterDpi, media: MediaSize = DEFAULT_MEDIA): Promise<Bitmap> {
  if (bytes.byteLength > MAX_ZPL_PREVIEW_BYTES) throw previewFailed(`it is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!/\^XA[\s\S]*?\^XZ/i.test(text)) throw previewFailed('it holds no ^XA … ^XZ label');
  const { widthMm, heightMm } = mediaMillimetres(media);
  let png: Buffer;
  try {
    const api = await loadZplRenderer();
    png = Buffer.from(await api.zplToBase64Async(text, widthMm, heightMm, DOTS_PER_MM[dpi]), 'base64');
  } catch (error) {
    throw previewFailed(error instanceof Error ? error.message.slice(0, 120) : 'the renderer failed');
  }
  const image = await loadImage(png);
  const { width, height } = image;
  return withWhiteSurface(width, height, async ({ canvas, ctx }) => {
    ctx.drawImage(image, 0, 0);
    return bitmapFromRgba(canvas.data(), width, height);
  });
}
