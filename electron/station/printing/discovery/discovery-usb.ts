/**
 * USB (and parallel) printer devices on Linux: /dev/usb/lp* and /dev/lp*. The model comes from the
 * IEEE 1284 device id the printer reported (sysfs), e.g. "MFG:Zebra Technologies;MDL:ZTC ZD420-203dpi ZPL;CMD:ZPL;".
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveredPrinter } from './discovery-types';

export interface UsbDiscoveryOptions {
  /** Default /dev (tests point it at a temp folder). */
  devRoot?: string;
  /** Default /sys. */
  sysRoot?: string;
}

/** "MFG:Zebra;MDL:ZD420;CMD:ZPL,EPL;" -> { MFG: 'Zebra', MDL: 'ZD420', CMD: 'ZPL,EPL' }. Long keys are shortened. */
export function parseIeee1284Id(id: string): Record<string, string> {
  const out: Record<string, string> = {};
  const alias: Record<string, string> = { MANUFACTURER: 'MFG', MODEL: 'MDL', 'COMMAND SET': 'CMD' };
  for (const part of id.split(';')) {
    const at = part.indexOf(':');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim().toUpperCase();
    out[alias[key] ?? key] = part.slice(at + 1).trim();
  }
  return out;
}

async function list(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => pattern.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

async function deviceId(sysRoot: string, classDir: string, name: string): Promise<Record<string, string> | null> {
  try {
    const text = await fs.readFile(join(sysRoot, 'class', classDir, name, 'device', 'ieee1284_id'), 'latin1');
    return parseIeee1284Id(text.trim());
  } catch {
    return null;
  }
}

export async function discoverUsbPrinters(opts: UsbDiscoveryOptions = {}): Promise<DiscoveredPrinter[]> {
  const devRoot = opts.devRoot ?? '/dev';
  const sysRoot = opts.sysRoot ?? '/sys';
  const found: DiscoveredPrinter[] = [];
  for (const name of await list(join(devRoot, 'usb'), /^lp\d+$/)) {
    const id = await deviceId(sysRoot, 'usbmisc', name);
    const model = [id?.MFG, id?.MDL].filter(Boolean).join(' ');
    found.push({
      address: join(devRoot, 'usb', name),
      name: model || `USB printer ${name}`,
      kind: 'device',
      detail: id?.CMD ? `USB, speaks ${id.CMD}` : 'USB printer',
    });
  }
  for (const name of await list(devRoot, /^lp\d+$/)) {
    found.push({
      address: join(devRoot, name),
      name: `Parallel port ${name}`,
      kind: 'device',
      detail: 'parallel port (a printer may or may not be connected)',
    });
  }
  return found;
}
