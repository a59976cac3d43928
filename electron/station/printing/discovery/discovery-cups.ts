/**
 * CUPS queues on this computer: names from `lpstat -e`, device URIs from `lpstat -v`.
 * No lpstat, or no scheduler running, means no queues (never an error: the list just stays short).
 */
import type { DiscoveredPrinter } from './discovery-types';
import { cupsEnv } from '../transports/cups-transport';
import { runProgram, type ExecRunner } from '../transports/transport-exec';

export interface CupsDiscoveryOptions {
  exec?: ExecRunner;
  /** The scheduler (host:port or socket path, as CUPS_SERVER takes it). Default: the system's. */
  cupsServer?: string;
  timeoutMs?: number;
}

/** A device URI without any user:password@ part (smb://user:pass@server/q), which must never be shown. */
export function withoutCredentials(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}

/** "device for Zebra: socket://10.0.0.5:9100" lines -> name -> URI. */
export function parseLpstatDevices(stdout: string): Map<string, string> {
  const devices = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^device for (\S+):\s*(.*)$/.exec(line.trim());
    if (match) devices.set(match[1]!, withoutCredentials(match[2]!.trim()));
  }
  return devices;
}

/** `lpstat -e`: one destination per line; "name/instance" lines are instances of the same queue. */
export function parseLpstatDestinations(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/\s/.test(l) && !l.includes('/'));
}

async function lpstat(exec: ExecRunner, args: string[], opts: CupsDiscoveryOptions): Promise<string | null> {
  try {
    const result = await exec({ file: 'lpstat', args, env: cupsEnv(opts.cupsServer), timeoutMs: opts.timeoutMs ?? 3_000 });
    return result.code === 0 ? result.stdout : null;
  } catch {
    return null; // lpstat is not installed.
  }
}

export async function discoverCupsQueues(opts: CupsDiscoveryOptions = {}): Promise<DiscoveredPrinter[]> {
  const exec = opts.exec ?? runProgram;
  const [names, devicesText] = await Promise.all([lpstat(exec, ['-e'], opts), lpstat(exec, ['-v'], opts)]);
  const devices = parseLpstatDevices(devicesText ?? '');
  // Old CUPS without -e: the queues with a device are all we know.
  const queues = names === null ? [...devices.keys()] : parseLpstatDestinations(names);
  return queues.map((queue) => {
    const uri = devices.get(queue);
    const printer: DiscoveredPrinter = { address: `cups:${queue}`, name: queue, kind: 'cups' };
    if (uri) printer.detail = uri;
    return printer;
  });
}
