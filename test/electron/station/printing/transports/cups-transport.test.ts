/** lp is driven with an injected runner here; the real lp + cupsd path is in printing-cups-transport. */
import { describe, expect, it } from 'vitest';
import { parseLpJobId, sendToCups } from '../../../../../electron/station/printing/transports/cups-transport';
import { PrintError } from '../../../../../electron/station/printing/print-error';
import { sendToPrinter } from '../../../../../electron/station/printing/transports/send';
import type { ExecRequest, ExecResult, ExecRunner } from '../../../../../electron/station/printing/transports/transport-exec';

function fakeExec(answer: (req: ExecRequest) => Partial<ExecResult> | Error): { exec: ExecRunner; calls: ExecRequest[] } {
  const calls: ExecRequest[] = [];
  const exec: ExecRunner = async (req) => {
    calls.push(req);
    const a = answer(req);
    if (a instanceof Error) throw a;
    return { code: 0, stdout: '', stderr: '', timedOut: false, ...a };
  };
  return { exec, calls };
}

async function failure(promise: Promise<unknown>): Promise<PrintError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintError);
  return error as PrintError;
}

const notInstalled = (): Error => Object.assign(new Error('spawn lp ENOENT'), { code: 'ENOENT' });

describe('printing to a CUPS queue with lp', () => {
  it('runs lp -d QUEUE -o raw with the payload on stdin and returns the job id', async () => {
    const { exec, calls } = fakeExec(() => ({ stdout: 'request id is Zebra_ZD420-123 (0 file(s))\n' }));
    const payload = Buffer.from('^XA^FDx^FS^XZ');
    const sent = await sendToPrinter('cups:Zebra_ZD420', payload, { exec, cupsServer: '127.0.0.1:6310', timeoutMs: 1234 });
    expect(sent).toEqual({ bytes: payload.length, jobId: 'Zebra_ZD420-123' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.file).toBe('lp');
    expect(calls[0]!.args.slice(0, 4)).toEqual(['-d', 'Zebra_ZD420', '-o', 'raw']);
    expect(Buffer.from(calls[0]!.input!).equals(payload)).toBe(true);
    expect(calls[0]!.env).toEqual({ CUPS_SERVER: '127.0.0.1:6310' });
    expect(calls[0]!.timeoutMs).toBe(1234);
  });

  it('uses the system scheduler when no server is given', async () => {
    const { exec, calls } = fakeExec(() => ({ stdout: 'request id is Q-1 (0 file(s))' }));
    await sendToCups('Q', Buffer.from('x'), { timeoutMs: 1000, exec });
    expect(calls[0]!.env).toBeUndefined();
  });

  it('reads job ids of queue names with dashes', () => {
    expect(parseLpJobId('request id is label-printer-2-77 (1 file(s))')).toBe('label-printer-2-77');
    expect(parseLpJobId('')).toBeUndefined();
  });

  it('says lp is not installed', async () => {
    const { exec } = fakeExec(() => notInstalled());
    const error = await failure(sendToCups('Zebra', Buffer.from('x'), { timeoutMs: 1000, exec }));
    expect(error.message).toBe('lp is not installed on this computer, so CUPS printers cannot be used.');
    expect(error.nextStep).toMatch(/Install CUPS/);
  });

  it('names the unknown queue, and checks that CUPS is running before blaming the name', async () => {
    const running = fakeExec((req) =>
      req.file === 'lp' ? { code: 1, stderr: 'lp: Error - The printer or class does not exist.\n' } : { stdout: 'scheduler is running\n' },
    );
    const unknown = await failure(sendToCups('Zebra', Buffer.from('x'), { timeoutMs: 1000, exec: running.exec }));
    expect(unknown.code).toBe('printer_not_found');
    expect(unknown.message).toBe('CUPS has no printer named Zebra: check Settings.');
    expect(running.calls.map((c) => [c.file, ...c.args].join(' '))).toEqual(['lp -d Zebra -o raw -t Label Station', 'lpstat -r']);

    const down = fakeExec((req) =>
      req.file === 'lp'
        ? { code: 1, stderr: 'lp: Error - The printer or class does not exist.' }
        : { code: 1, stdout: 'scheduler is not running\n' },
    );
    const stopped = await failure(sendToCups('Zebra', Buffer.from('x'), { timeoutMs: 1000, exec: down.exec }));
    expect(stopped.code).toBe('printer_unreachable');
    expect(stopped.message).toBe('The printing service (CUPS) is not running on this computer.');
  });

  it('words a disabled queue and a timeout', async () => {
    const rejecting = fakeExec(() => ({ code: 1, stderr: 'lp: Destination "Zebra" is not accepting jobs.' }));
    const refused = await failure(sendToCups('Zebra', Buffer.from('x'), { timeoutMs: 1000, exec: rejecting.exec }));
    expect(refused.code).toBe('printer_refused');
    expect(refused.nextStep).toMatch(/cupsaccept Zebra/);

    const slow = fakeExec(() => ({ code: null, timedOut: true }));
    const late = await failure(sendToCups('Zebra', Buffer.from('x'), { timeoutMs: 2500, exec: slow.exec }));
    expect(late.code).toBe('printer_timeout');
    expect(late.message).toBe('CUPS did not take the label for Zebra within 2.5 s.');
  });

  it('refuses a queue name CUPS could not have, before lp is started', async () => {
    const { exec, calls } = fakeExec(() => ({}));
    const error = await failure(sendToPrinter('cups:Zebra;rm -rf ~', Buffer.from('x'), { exec }));
    expect(error.code).toBe('invalid_printer_address');
    expect(calls).toHaveLength(0);
  });
});
