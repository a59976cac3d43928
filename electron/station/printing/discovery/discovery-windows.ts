/** Windows printers from PowerShell `Get-Printer` (Windows only; tests inject the runner). */
import { z } from 'zod';
import type { DiscoveredPrinter } from './discovery-types';
import { runProgram, type ExecRunner } from '../transports/transport-exec';
import { POWERSHELL } from '../transports/windows-transport';
import { powerShellArgs } from '../transports/windows-spooler-script';

export const GET_PRINTERS_SCRIPT =
  "$ErrorActionPreference = 'Stop'\n" +
  'Get-Printer | Select-Object Name, DriverName, PortName, Shared | ConvertTo-Json -Compress -Depth 2';

const PrinterRow = z.object({
  Name: z.string().min(1),
  DriverName: z.string().nullish(),
  PortName: z.string().nullish(),
});

/** ConvertTo-Json gives an object for one printer, an array for several, nothing for none. */
export function parseGetPrinterJson(stdout: string): DiscoveredPrinter[] {
  const text = stdout.trim();
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const rows = Array.isArray(data) ? data : [data];
  const found: DiscoveredPrinter[] = [];
  for (const row of rows) {
    const parsed = PrinterRow.safeParse(row);
    if (!parsed.success) continue;
    const { Name, DriverName, PortName } = parsed.data;
    const detail = [DriverName, PortName && `on ${PortName}`].filter(Boolean).join(' ');
    found.push({ address: `windows:${Name}`, name: Name, kind: 'windows', ...(detail ? { detail } : {}) });
  }
  return found;
}

export async function discoverWindowsPrinters(opts: { exec?: ExecRunner; timeoutMs?: number } = {}): Promise<DiscoveredPrinter[]> {
  const exec = opts.exec ?? runProgram;
  try {
    const result = await exec({ file: POWERSHELL, args: powerShellArgs(GET_PRINTERS_SCRIPT), timeoutMs: opts.timeoutMs ?? 10_000 });
    return result.code === 0 ? parseGetPrinterJson(result.stdout) : [];
  } catch {
    return [];
  }
}
