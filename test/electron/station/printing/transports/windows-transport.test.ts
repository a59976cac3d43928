/**
 * The Windows spooler path cannot run on Linux CI: these tests check what the station would run
 * (PowerShell + winspool RAW script, printer name and payload passed outside the script) and how
 * every answer is worded, with an injected runner.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintError } from '../../../../../electron/station/printing/print-error';
import { sendToPrinter } from '../../../../../electron/station/printing/transports/send';
import type { ExecRequest, ExecResult, ExecRunner } from '../../../../../electron/station/printing/transports/transport-exec';
import {
  PAYLOAD_ENV,
  PRINTER_ENV,
  windowsRawPrintScript,
} from '../../../../../electron/station/printing/transports/windows-spooler-script';
import { errorFromWin32, sendToWindowsPrinter } from '../../../../../electron/station/printing/transports/windows-transport';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'printing-windows-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function decodeScript(args: string[]): string {
  const at = args.indexOf('-EncodedCommand');
  expect(at).toBeGreaterThanOrEqual(0);
  return Buffer.from(args[at + 1]!, 'base64').toString('utf16le');
}

/** A runner that records the request and what the payload file held while PowerShell "ran". */
function spooler(answer: Partial<ExecResult> | Error): { exec: ExecRunner; seen: { req: ExecRequest; payload: Buffer | null }[] } {
  const seen: { req: ExecRequest; payload: Buffer | null }[] = [];
  const exec: ExecRunner = async (req) => {
    const file = req.env?.[PAYLOAD_ENV];
    seen.push({ req, payload: file && existsSync(file) ? readFileSync(file) : null });
    if (answer instanceof Error) throw answer;
    return { code: 0, stdout: '', stderr: '', timedOut: false, ...answer };
  };
  return { exec, seen };
}

async function failure(promise: Promise<unknown>): Promise<PrintError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintError);
  return error as PrintError;
}

describe('Windows spooler RAW printing', () => {
  it('runs PowerShell with the winspool RAW script, the printer name and payload file outside the script', async () => {
    const payload = Buffer.from('^XA^FO50,50^FDZ^FS^XZ');
    const { exec, seen } = spooler({ stdout: `JOB 42 ${payload.length}\r\n` });
    const sent = await sendToPrinter('windows:ZDesigner ZD420-203dpi ZPL', payload, { exec });
    expect(sent).toEqual({ bytes: payload.length, jobId: '42' });

    const { req, payload: written } = seen[0]!;
    expect(req.file).toBe('powershell.exe');
    expect(req.args.slice(0, 4)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass']);
    const script = decodeScript(req.args);
    expect(script).toBe(windowsRawPrintScript());
    expect(script).not.toContain('ZDesigner');
    expect(req.env?.[PRINTER_ENV]).toBe('ZDesigner ZD420-203dpi ZPL');
    expect(written?.equals(payload)).toBe(true);
    // The temp payload file is gone afterwards.
    expect(existsSync(req.env![PAYLOAD_ENV]!)).toBe(false);
  });

  it('asks winspool for a RAW document: OpenPrinter, StartDocPrinter(pDatatype "RAW"), WritePrinter until all bytes are taken', () => {
    const script = windowsRawPrintScript();
    expect(script).toContain('Add-Type -TypeDefinition');
    for (const call of ['"OpenPrinterW"', '"StartDocPrinterW"', 'WritePrinter(', 'EndDocPrinter(', 'ClosePrinter('])
      expect(script).toContain(call);
    expect(script).toContain('doc.pDatatype = "RAW";');
    expect(script).toMatch(/while \(total < bytes\.Length\)/);
    expect(script).toContain(`$env:${PRINTER_ENV}`);
    expect(script).toContain(`[System.IO.File]::ReadAllBytes($env:${PAYLOAD_ENV})`);
  });

  it('maps spooler errors to words a packer can act on', async () => {
    const cases: [string, string, RegExp][] = [
      ['FAIL open 1801', 'printer_not_found', /^Windows has no printer named "Zebra": check Settings\.$/],
      ['FAIL open 5', 'printer_permission', /did not let this station print/],
      ['FAIL open 1722', 'printer_unreachable', /Print Spooler service is not running/],
      ['FAIL startdoc 1804', 'printer_refused', /does not accept raw printer commands/],
      ['FAIL write 31 2048', 'printer_disconnected', /after 2048 bytes/],
      ['FAIL startdoc 87', 'printer_io_error', /error 87 at startdoc/],
    ];
    for (const [stdout, code, message] of cases) {
      const { exec } = spooler({ stdout, code: 0 });
      const error = await failure(sendToWindowsPrinter('Zebra', Buffer.from('^XA^XZ'), { exec, timeoutMs: 1000, tempDir: dir }));
      expect(error.code, stdout).toBe(code);
      expect(error.message, stdout).toMatch(message);
    }
  });

  it('never reports success when the spooler took fewer bytes than the label', async () => {
    const { exec } = spooler({ stdout: 'JOB 7 3' });
    const error = await failure(sendToWindowsPrinter('Zebra', Buffer.from('^XA^XZ'), { exec, timeoutMs: 1000, tempDir: dir }));
    expect(error.code).toBe('printer_disconnected');
  });

  it('words a missing PowerShell, a timeout and a script that crashed; the payload file is removed every time', async () => {
    const missing = await failure(
      sendToWindowsPrinter('Zebra', Buffer.from('x'), {
        exec: spooler(Object.assign(new Error('spawn'), { code: 'ENOENT' })).exec,
        timeoutMs: 1000,
        tempDir: dir,
      }),
    );
    expect(missing.message).toMatch(/PowerShell is not available/);
    const late = await failure(
      sendToWindowsPrinter('Zebra', Buffer.from('x'), {
        exec: spooler({ code: null, timedOut: true }).exec,
        timeoutMs: 4000,
        tempDir: dir,
      }),
    );
    expect(late.code).toBe('printer_timeout');
    expect(late.message).toBe('Windows did not take the label for "Zebra" within 4 s.');
    const crashed = await failure(
      sendToWindowsPrinter('Zebra', Buffer.from('x'), {
        exec: spooler({ code: 1, stderr: 'Add-Type : compile error' }).exec,
        timeoutMs: 1000,
        tempDir: dir,
      }),
    );
    expect(crashed.code).toBe('printer_io_error');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives a plain message for an unknown Win32 code', () => {
    expect(errorFromWin32('P', 'open', 9999).message).toBe('Windows could not print to "P" (error 9999 at open).');
  });
});
