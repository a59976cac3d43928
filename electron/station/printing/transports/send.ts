/** Sends a ready printer payload (ZPL, EPL, ...) to the printer address from Settings. */
import { parsePrinterAddress } from './address';
import { sendToCups } from './cups-transport';
import { sendToDevice, sendToFile } from './device-transport';
import { PrintError } from '../print-error';
import { sendOverTcp } from './tcp-transport';
import type { ExecRunner } from './transport-exec';
import { sendToWindowsPrinter } from './windows-transport';

export const DEFAULT_PRINT_TIMEOUT_MS = 5_000;

export interface SendOptions {
  /** Per phase (connect; deliver) for TCP, whole write for a device, whole `lp` / spooler call for a queue. Default 5 s. */
  timeoutMs?: number;
  /** TCP: extra attempts after a refused/reset connection, only while no byte was sent (default 1). */
  reconnects?: number;
  /** TCP: pause before a reconnect (default 500 ms). */
  reconnectDelayMs?: number;
  /** CUPS: the scheduler (host:port or socket path, as CUPS_SERVER takes it). Default: the system's. */
  cupsServer?: string;
  /** CUPS / Windows: runs lp or PowerShell (tests inject a fake). */
  exec?: ExecRunner;
}

export interface SendResult {
  bytes: number;
  /** The OS queue's job id (CUPS "Zebra-12", Windows "37"); absent for TCP and devices. */
  jobId?: string;
}

export async function sendToPrinter(address: string, payload: Uint8Array, opts: SendOptions = {}): Promise<SendResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive number');
  const target = parsePrinterAddress(address);
  switch (target.kind) {
    case 'tcp':
      return sendOverTcp(target, payload, timeoutMs, opts);
    case 'device':
      return sendToDevice(target.path, payload, timeoutMs);
    case 'file':
      if (!filePrintersEnabled()) throw filePrintersOff(target.path);
      return sendToFile(target.path, payload, timeoutMs);
    case 'cups':
      return sendToCups(target.queue, payload, { timeoutMs, server: opts.cupsServer, exec: opts.exec });
    case 'windows':
      return sendToWindowsPrinter(target.printer, payload, { timeoutMs, exec: opts.exec });
  }
}

/** Capture-file printers (`file:/path`) write only where LABEL_STATION_FILE_PRINTER=1 (tests, debugging). */
export function filePrintersEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.LABEL_STATION_FILE_PRINTER === '1';
}

function filePrintersOff(path: string): PrintError {
  return new PrintError(
    'invalid_printer_address',
    `The printer "file:${path.slice(0, 80)}" is a capture file, and writing labels to files is switched off on this station.`,
    'Choose a real printer in Settings (tcp://…, /dev/usb/lp0, cups:QUEUE or windows:NAME). Capture files are for tests only (LABEL_STATION_FILE_PRINTER=1).',
  );
}
