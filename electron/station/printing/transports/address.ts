/**
 * Parses the printer address from Settings:
 * - `tcp://host[:port]` (raw port, 9100 by default),
 * - a device or file path (`/dev/usb/lp0`, `C:\labels\out.zpl`, `\\.\USB001`),
 * - `cups:QUEUE` (a CUPS queue on Linux/macOS, sent with `lp -o raw`),
 * - `windows:PRINTER NAME` (a Windows spooler printer, sent as RAW).
 */
import { z } from 'zod';
import { isFilePrinterAddress, isPrinterDevicePath } from '../../../../shared/domain/printers';
import { PrintError } from '../print-error';

export type ParsedPrinterAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  | { kind: 'file'; path: string }
  | { kind: 'cups'; queue: string }
  | { kind: 'windows'; printer: string };

export const DEFAULT_RAW_PORT = 9100;

const EXAMPLES = 'e.g. tcp://192.168.1.50:9100, /dev/usb/lp0, cups:Zebra_ZD420 or windows:ZDesigner ZD420-203dpi ZPL';

/**
 * Local to the printing engine: shared/domain/printers.ts `PrinterAddress` (Settings) only knows tcp:// and
 * paths; this one also accepts the OS queue forms.
 */
const AddressText = z
  .string({ error: 'Enter the printer address' })
  .trim()
  .min(1, 'the address is empty')
  .max(300, 'the address is longer than 300 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'it contains control characters (copy it again from the printer list)')
  .refine(
    (s) => /^(tcp:\/\/|cups:|windows:|file:)/i.test(s) || /^(\/|[A-Za-z]:\\|\\\\)/.test(s),
    'it must start with tcp://, cups:, windows: or be a full device path',
  );

/** CUPS refuses names with spaces, "/", "#", "\\", quotes and more than 127 characters (lpadmin rules). */
const CupsQueueName = z
  .string()
  .min(1, 'the CUPS queue name is missing after "cups:"')
  .max(127, 'a CUPS queue name has at most 127 characters')
  .refine((s) => !/[\s/#\\'"]/.test(s), 'a CUPS queue name has no spaces, "/", "#", "\\" or quotes (run lpstat -e to see the exact names)')
  .refine((s) => !s.startsWith('-'), 'a CUPS queue name cannot start with "-"');

/** Windows printer names: up to 220 characters, no "!" or ","; "\\server\printer" for shared printers. */
const WindowsPrinterName = z
  .string()
  .min(1, 'the printer name is missing after "windows:"')
  .max(220, 'a Windows printer name has at most 220 characters')
  .refine((s) => !/[!,]/.test(s), 'a Windows printer name has no "!" or ","')
  .refine((s) => !s.includes('\\') || /^\\\\[^\\]+\\[^\\]+$/.test(s), 'a shared printer is written \\\\server\\printer');

function invalid(address: string, why: string): PrintError {
  return new PrintError(
    'invalid_printer_address',
    `The printer address "${address.slice(0, 80)}" is not usable: ${why}.`,
    `Fix the printer address in Settings (${EXAMPLES}), or pick the printer from the list of printers found on this computer.`,
  );
}

function firstIssue(error: z.ZodError): string {
  return (error.issues[0]?.message ?? 'unknown form').replace(/\.$/, '');
}

function parseTcp(text: string): ParsedPrinterAddress {
  const rest = text.slice('tcp://'.length).replace(/\/$/, '');
  // [v6]:port, [v6], host:port or host.
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/.exec(rest);
  if (!match) throw invalid(text, 'write it as tcp://host or tcp://host:port');
  const host = match[1] ?? match[2] ?? '';
  const port = match[3] === undefined ? DEFAULT_RAW_PORT : Number(match[3]);
  if (!host || host.startsWith('.') || host.endsWith('-')) throw invalid(text, 'the host name is not valid');
  if (port < 1 || port > 65535) throw invalid(text, 'the port must be between 1 and 65535');
  return { kind: 'tcp', host, port };
}

export function parsePrinterAddress(address: string): ParsedPrinterAddress {
  const checked = AddressText.safeParse(address);
  if (!checked.success) throw invalid(String(address ?? ''), firstIssue(checked.error));
  const text = checked.data;
  const scheme = /^([a-z]+):/i.exec(text)?.[1]?.toLowerCase();

  if (scheme === 'tcp' && text.slice(3, 6) === '://') return parseTcp(`tcp://${text.slice(6)}`);
  if (scheme === 'cups') {
    const queue = CupsQueueName.safeParse(text.slice('cups:'.length).trim());
    if (!queue.success) throw invalid(text, firstIssue(queue.error));
    return { kind: 'cups', queue: queue.data };
  }
  if (scheme === 'windows') {
    const printer = WindowsPrinterName.safeParse(text.slice('windows:'.length).trim());
    if (!printer.success) throw invalid(text, firstIssue(printer.error));
    return { kind: 'windows', printer: printer.data };
  }
  if (scheme === 'tcp') throw invalid(text, 'write it as tcp://host or tcp://host:port');
  if (scheme === 'file') {
    if (!isFilePrinterAddress(text)) throw invalid(text, 'write a capture file as file:/full/path');
    return { kind: 'file', path: text.slice('file:'.length) };
  }
  if (!isPrinterDevicePath(text)) {
    throw invalid(
      text,
      'it is not a printer device (/dev/usb/lp0, /dev/lp0, /dev/ttyUSB0, /dev/ttyACM0, \\\\.\\USB001 or \\\\server\\printer); the station does not write labels into ordinary files',
    );
  }
  return { kind: 'device', path: text };
}

/** How the worker sees the printer in messages: host:port ([v6]:port), the path, or the queue name. */
export function describePrinter(parsed: ParsedPrinterAddress): string {
  switch (parsed.kind) {
    case 'device':
      return parsed.path;
    case 'file':
      return `capture file ${parsed.path}`;
    case 'cups':
      return `CUPS queue "${parsed.queue}"`;
    case 'windows':
      return `Windows printer "${parsed.printer}"`;
    case 'tcp':
      return parsed.host.includes(':') ? `[${parsed.host}]:${parsed.port}` : `${parsed.host}:${parsed.port}`;
  }
}

/** The address text for a parsed address (what Settings stores). */
export function formatPrinterAddress(parsed: ParsedPrinterAddress): string {
  switch (parsed.kind) {
    case 'device':
      return parsed.path;
    case 'file':
      return `file:${parsed.path}`;
    case 'cups':
      return `cups:${parsed.queue}`;
    case 'windows':
      return `windows:${parsed.printer}`;
    case 'tcp':
      return `tcp://${parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host}:${parsed.port}`;
  }
}
