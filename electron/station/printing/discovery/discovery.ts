/**
 * Printers the worker can pick from: OS queues (CUPS on Linux/macOS, the spooler on Windows) and
 * USB printer devices (Linux). Each source that is missing or fails just contributes nothing.
 */
import { discoverCupsQueues } from './discovery-cups';
import type { DiscoveredPrinter } from './discovery-types';
import { discoverUsbPrinters } from './discovery-usb';
import { discoverWindowsPrinters } from './discovery-windows';
import type { ExecRunner } from '../transports/transport-exec';

export type { DiscoveredPrinter } from './discovery-types';

export interface DiscoveryOptions {
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
  exec?: ExecRunner;
  /** CUPS scheduler (host:port or socket path). Default: the system's. */
  cupsServer?: string;
  /** Linux device roots (tests point them at a temp folder). */
  devRoot?: string;
  sysRoot?: string;
  /** Per source. Default 3 s (10 s for PowerShell, which starts slowly). */
  timeoutMs?: number;
}

export async function discoverPrinters(opts: DiscoveryOptions = {}): Promise<DiscoveredPrinter[]> {
  const platform = opts.platform ?? process.platform;
  const sources: Promise<DiscoveredPrinter[]>[] = [];
  if (platform === 'win32') {
    sources.push(discoverWindowsPrinters({ exec: opts.exec, timeoutMs: opts.timeoutMs }));
  } else {
    sources.push(discoverCupsQueues({ exec: opts.exec, cupsServer: opts.cupsServer, timeoutMs: opts.timeoutMs }));
    if (platform === 'linux') sources.push(discoverUsbPrinters({ devRoot: opts.devRoot, sysRoot: opts.sysRoot }));
  }
  const results = await Promise.all(sources.map((s) => s.catch(() => [] as DiscoveredPrinter[])));
  return results.flat();
}
