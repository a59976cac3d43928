/** Parses the printer address from Settings: `tcp://host[:port]` (9100 by default) or a device/file path. */
import { PrinterAddress } from '../../../shared/schemas';
import { PrintError } from './print-error';

export type ParsedPrinterAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string };

export const DEFAULT_RAW_PORT = 9100;

function invalid(address: string, why: string): PrintError {
  return new PrintError(
    'invalid_printer_address',
    `The printer address "${address.slice(0, 80)}" is not usable: ${why}.`,
    'Fix the printer address in Settings, e.g. tcp://192.168.1.50:9100 or /dev/usb/lp0.',
  );
}

export function parsePrinterAddress(address: string): ParsedPrinterAddress {
  const checked = PrinterAddress.safeParse(address);
  if (!checked.success) throw invalid(String(address), checked.error.issues[0]?.message.replace(/\.$/, '') ?? 'unknown form');
  const text = checked.data;
  if (!text.startsWith('tcp://')) return { kind: 'device', path: text };

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

/** How the worker sees the printer in messages: host:port ([v6]:port) or the path. */
export function describePrinter(parsed: ParsedPrinterAddress): string {
  if (parsed.kind === 'device') return parsed.path;
  return parsed.host.includes(':') ? `[${parsed.host}]:${parsed.port}` : `${parsed.host}:${parsed.port}`;
}
