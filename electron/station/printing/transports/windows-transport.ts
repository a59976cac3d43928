/**
 * Printing to a Windows spooler printer as a RAW job (the bytes reach the printer untouched, like
 * "Generic / Text Only"). PowerShell runs the winspool calls (see windows-spooler-script.ts); the
 * payload travels in a temp file that is deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrintError } from '../print-error';
import { formatWait } from '../timeout-wording';
import { isNotInstalled, runProgram, type ExecRunner } from './transport-exec';
import { DOCUMENT_ENV, PAYLOAD_ENV, PRINTER_ENV, powerShellArgs, windowsRawPrintScript } from './windows-spooler-script';

export const POWERSHELL = 'powershell.exe';

export interface WindowsOptions {
  timeoutMs: number;
  exec?: ExecRunner;
  /** Where the payload file is written (default: the OS temp folder). */
  tempDir?: string;
}

const AGAIN = 'then reprint from History.';

/** Win32 error codes from winspool, worded for a worker. */
export function errorFromWin32(printer: string, step: string, code: number, written = 0): PrintError {
  const name = `"${printer}"`;
  switch (code) {
    case 1801: // ERROR_INVALID_PRINTER_NAME
    case 1905: // ERROR_PRINTER_DELETED
      return new PrintError(
        'printer_not_found',
        `Windows has no printer named ${name}: check Settings.`,
        `Pick the printer from the list of printers on this computer (names must match exactly), ${AGAIN}`,
      );
    case 5: // ERROR_ACCESS_DENIED
      return new PrintError(
        'printer_permission',
        `Windows did not let this station print to ${name}.`,
        `Ask IT to give this user the right to print to that printer, ${AGAIN}`,
      );
    case 1722: // RPC_S_SERVER_UNAVAILABLE
    case 1753: // EPT_S_NOT_REGISTERED
    case 1068: // ERROR_SERVICE_DEPENDENCY_FAIL
      return new PrintError(
        'printer_unreachable',
        'The Windows Print Spooler service is not running.',
        `Start the "Print Spooler" service (or restart the computer), ${AGAIN}`,
      );
    case 1804: // ERROR_INVALID_DATATYPE
      return new PrintError(
        'printer_refused',
        `The Windows driver of ${name} does not accept raw printer commands.`,
        `Install the printer with the maker's driver (e.g. ZDesigner) or "Generic / Text Only", ${AGAIN}`,
      );
    case 61: // ERROR_PRINTQ_FULL
    case 62: // ERROR_NO_SPOOL_SPACE
    case 112: // ERROR_DISK_FULL
      return new PrintError(
        'printer_io_error',
        `The Windows print queue of ${name} is full.`,
        `Clear stuck jobs from the queue or free disk space, ${AGAIN}`,
      );
    default:
      if (step === 'write' && written > 0) {
        return new PrintError(
          'printer_disconnected',
          `Windows stopped taking the label for ${name} after ${written} bytes.`,
          `The label may be cut short: check the printer, ${AGAIN}`,
        );
      }
      return new PrintError(
        'printer_io_error',
        `Windows could not print to ${name} (error ${code} at ${step}).`,
        `Check the printer in Windows printer settings, ${AGAIN}`,
      );
  }
}

/** Reads the script's one-line answer: "JOB <id> <bytes>" or "FAIL <step> <code> [written]". */
export function parseSpoolerAnswer(printer: string, stdout: string, expected: number): { bytes: number; jobId: string } {
  const line =
    stdout
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? '';
  const ok = /^JOB (\d+) (\d+)$/.exec(line);
  if (ok) {
    const bytes = Number(ok[2]);
    if (bytes !== expected) throw errorFromWin32(printer, 'write', -1, bytes);
    return { bytes, jobId: ok[1]! };
  }
  const fail = /^FAIL (\w+) (-?\d+)(?: (\d+))?$/.exec(line);
  if (fail) throw errorFromWin32(printer, fail[1]!, Number(fail[2]), Number(fail[3] ?? 0));
  throw new PrintError(
    'printer_io_error',
    `Windows printing to "${printer}" gave no answer the station understands.`,
    `Check the printer in Windows printer settings, ${AGAIN}`,
  );
}

export async function sendToWindowsPrinter(
  printer: string,
  payload: Uint8Array,
  opts: WindowsOptions,
): Promise<{ bytes: number; jobId?: string }> {
  const exec = opts.exec ?? runProgram;
  const file = join(opts.tempDir ?? tmpdir(), `label-station-${randomUUID()}.bin`);
  await fs.writeFile(file, payload, { mode: 0o600 });
  try {
    let result;
    try {
      result = await exec({
        file: POWERSHELL,
        args: powerShellArgs(windowsRawPrintScript()),
        env: { [PRINTER_ENV]: printer, [PAYLOAD_ENV]: file, [DOCUMENT_ENV]: 'Label Station' },
        timeoutMs: opts.timeoutMs,
      });
    } catch (error) {
      if (isNotInstalled(error)) {
        throw new PrintError(
          'printer_unreachable',
          'Windows PowerShell is not available, so Windows printers cannot be used from this station.',
          'Use a tcp:// printer address in Settings, or ask IT to restore PowerShell.',
        );
      }
      throw new PrintError(
        'printer_io_error',
        `The station could not start PowerShell to print to "${printer}".`,
        `Reprint from History; if it fails again, ask IT.`,
      );
    }
    if (result.timedOut) {
      throw new PrintError(
        'printer_timeout',
        `Windows did not take the label for "${printer}" within ${formatWait(opts.timeoutMs)}.`,
        `Check the printer and its Windows print queue, ${AGAIN}`,
      );
    }
    if (result.code !== 0 && !/^(JOB|FAIL) /m.test(result.stdout)) {
      throw new PrintError(
        'printer_io_error',
        `Windows could not print to "${printer}".`,
        `Check the printer in Windows printer settings, ${AGAIN}`,
      );
    }
    return parseSpoolerAnswer(printer, result.stdout, payload.byteLength);
  } finally {
    await fs.rm(file, { force: true });
  }
}
