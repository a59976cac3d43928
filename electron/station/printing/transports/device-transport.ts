/**
 * Printing to a device or file path (a USB printer such as /dev/usb/lp0, or a capture file).
 *
 * Open flags: paths under /dev/ (and Windows \\.\ devices) are opened write-only WITHOUT create,
 * so an unplugged printer is reported instead of silently creating a regular file in its place.
 * Any other path is a file opened for append ('a'): it is created if missing and successive jobs
 * accumulate, which is what a capture file for testing or a spool folder wants.
 */
import { constants, promises as fs } from 'node:fs';
import { PrintError } from '../print-error';
import { formatWait } from '../timeout-wording';

function isDevicePath(path: string): boolean {
  return path.startsWith('/dev/') || path.startsWith('\\\\.\\');
}

function errorFromFs(error: NodeJS.ErrnoException, path: string): PrintError {
  switch (error.code) {
    case 'ENOENT':
    case 'ENXIO':
    case 'ENODEV':
      return new PrintError(
        'printer_not_found',
        `No printer at ${path}: check the USB cable.`,
        'Plug the printer in and switch it on, or fix the printer address in Settings, then reprint from History.',
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new PrintError(
        'printer_permission',
        `The station is not allowed to write to ${path}.`,
        'Ask IT to give this computer user write access to the printer (on Linux: the "lp" group), then reprint from History.',
      );
    case 'EBUSY':
      return new PrintError(
        'printer_io_error',
        `The printer at ${path} is busy (another program is using it).`,
        'Close other printing programs or wait a moment, then reprint from History.',
      );
    case 'EISDIR':
    case 'ENOTDIR':
      return new PrintError(
        'invalid_printer_address',
        `${path} is a folder, not a printer.`,
        'Fix the printer address in Settings, e.g. /dev/usb/lp0.',
      );
    default:
      return new PrintError(
        'printer_io_error',
        `Writing the label to ${path} failed (${error.code ?? 'I/O error'}).`,
        'Check the printer and its cable, then reprint from History.',
      );
  }
}

/** A printer device: opened write-only, never created (an unplugged printer is reported, no file appears). */
export function sendToDevice(path: string, payload: Uint8Array, timeoutMs: number): Promise<{ bytes: number }> {
  return writeTo(path, isDevicePath(path) ? constants.O_WRONLY : 'a', payload, timeoutMs);
}

/** A capture file (`file:` printers, tests and debugging): created if missing, jobs appended. */
export function sendToFile(path: string, payload: Uint8Array, timeoutMs: number): Promise<{ bytes: number }> {
  return writeTo(path, 'a', payload, timeoutMs);
}

async function writeTo(path: string, flags: number | string, payload: Uint8Array, timeoutMs: number): Promise<{ bytes: number }> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PrintError(
            'printer_timeout',
            `The printer at ${path} did not take the label within ${formatWait(timeoutMs)}.`,
            'Check the printer for paper, ribbon, an open head or an error light, then reprint from History.',
          ),
        ),
      timeoutMs,
    );
  });
  const write = (async () => {
    const handle = await fs.open(path, flags);
    try {
      // A character device may take fewer bytes than offered per write: loop until all are taken.
      let offset = 0;
      while (offset < payload.byteLength) {
        const { bytesWritten } = await handle.write(payload, offset, payload.byteLength - offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('device took no bytes'), { code: 'EIO' });
        offset += bytesWritten;
      }
      return { bytes: offset };
    } finally {
      await handle.close();
    }
  })();
  // A blocked device write cannot be cancelled; if we time out it finishes (or fails) on its own.
  write.catch(() => undefined);
  try {
    return await Promise.race([write, timedOut]);
  } catch (error) {
    if (error instanceof PrintError) throw error;
    throw errorFromFs(error as NodeJS.ErrnoException, path);
  } finally {
    clearTimeout(timer);
  }
}
