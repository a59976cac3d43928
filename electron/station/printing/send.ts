/** Sends a ready printer payload (ZPL) to the printer address from Settings. */
import { parsePrinterAddress } from './address';
import { sendToDevice } from './device-transport';
import { sendOverTcp } from './tcp-transport';

export const DEFAULT_PRINT_TIMEOUT_MS = 5_000;

export interface SendOptions {
  /** Per phase (connect; deliver) for TCP, whole write for a device. Default 5 s. */
  timeoutMs?: number;
}

export async function sendToPrinter(address: string, payload: Uint8Array, opts: SendOptions = {}): Promise<{ bytes: number }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive number');
  const target = parsePrinterAddress(address);
  return target.kind === 'tcp' ? sendOverTcp(target, payload, timeoutMs) : sendToDevice(target.path, payload, timeoutMs);
}
