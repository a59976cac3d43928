/** Delivery to printers that misbehave: every failure is a PrintError, never a reported success. */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { PrintError, sendToPrinter } from '../../../../../electron/station/printing/index';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../../fakes/zebra-status-printer';

/** A job big enough to outrun socket buffers in chunks (like a 4x6 label at 300 dpi). */
const BIG_JOB = Buffer.concat([Buffer.from('^XA^FO0,0^GFA,'), Buffer.alloc(400_000, 0x41), Buffer.from('^FS^XZ')]);

async function failure(promise: Promise<unknown>): Promise<PrintError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a failure, got success ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(PrintError);
  return outcome.error as PrintError;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('TCP printers', () => {
  let printer: CapturePrinter;
  beforeEach(async () => {
    printer = await startCapturePrinter();
  });
  afterEach(async () => {
    await printer.close();
  });

  it('delivers a big job whole and reports its size', async () => {
    await expect(sendToPrinter(printer.address, BIG_JOB)).resolves.toEqual({ bytes: BIG_JOB.length });
    const [job] = await printer.waitForJobs(1, 5_000);
    expect(job!.equals(BIG_JOB)).toBe(true);
  });

  it('reports a refused connection with the printer address and what to check', async () => {
    const port = await closedPort();
    const error = await failure(sendToPrinter(`tcp://127.0.0.1:${port}`, BIG_JOB));
    expect(error.code).toBe('printer_refused');
    expect(error.message).toBe(`The printer at 127.0.0.1:${port} refused the connection.`);
    expect(error.nextStep).toMatch(/Check the printer is on and its address in Settings/);
  });

  it('fails when the printer hangs up right after accepting', async () => {
    printer.setMode('refuse');
    const error = await failure(sendToPrinter(printer.address, BIG_JOB));
    expect(['printer_disconnected', 'printer_refused']).toContain(error.code);
    expect(printer.jobs).toHaveLength(0);
  });

  it('reports a stalled printer as a timeout, not a success', async () => {
    printer.setMode('stall');
    const started = Date.now();
    const error = await failure(sendToPrinter(printer.address, BIG_JOB, { timeoutMs: 400 }));
    expect(error.code).toBe('printer_timeout');
    expect(error.message).toMatch(/within 400 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports a stall with a small job too (it fits in socket buffers, but the printer never took it)', async () => {
    printer.setMode('stall');
    const error = await failure(sendToPrinter(printer.address, Buffer.from('^XA^FDx^FS^XZ'), { timeoutMs: 300 }));
    expect(error.code).toBe('printer_timeout');
  });

  it('says "within 5 s" with the default timeout', async () => {
    printer.setMode('stall');
    const error = await failure(sendToPrinter(printer.address, Buffer.from('^XA^XZ')));
    expect(error.message).toMatch(/did not take the label within 5 s/);
  }, 10_000);

  it('reports a printer that drops the connection mid-job', async () => {
    printer.setMode('drop', { dropAfterBytes: 10_000 });
    const error = await failure(sendToPrinter(printer.address, BIG_JOB));
    expect(error.code).toBe('printer_disconnected');
    expect(error.message).toMatch(/127\.0\.0\.1:\d+/);
    expect(printer.faults).toEqual([{ mode: 'drop', bytesRead: 10_000 }]);
    expect(printer.jobs).toHaveLength(0);
  });
});

describe('TCP reconnect: only while no byte of the label has left', () => {
  let zebra: ZebraStatusPrinter;
  beforeEach(async () => {
    zebra = await startZebraStatusPrinter();
  });
  afterEach(async () => {
    await zebra.close();
  });

  it('tries again after a refused connection and prints the label exactly once', async () => {
    await zebra.goOffline(150); // refuses connections for 150 ms, like a printer busy with another host
    const sent = await sendToPrinter(zebra.address, BIG_JOB, { reconnectDelayMs: 600 });
    expect(sent).toEqual({ bytes: BIG_JOB.length });
    const jobs = await zebra.waitForJobs(1);
    expect(jobs[0]!.equals(BIG_JOB)).toBe(true);
    expect(zebra.connections).toBe(1);
  });

  it('without a reconnect the same refusal is an error (the retry is what saved the label)', async () => {
    await zebra.goOffline(150);
    const error = await failure(sendToPrinter(zebra.address, BIG_JOB, { reconnects: 0 }));
    expect(error.code).toBe('printer_refused');
  });

  it('gives up after the allowed retries with the refusal worded', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await failure(sendToPrinter(`tcp://127.0.0.1:${port}`, BIG_JOB, { reconnects: 2, reconnectDelayMs: 100 }));
    expect(error.message).toBe(`The printer at 127.0.0.1:${port} refused the connection.`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('never sends again once bytes left: a drop mid-job is an error, with one connection only', async () => {
    zebra.setMode('drop', { dropAfterBytes: 20_000 });
    const error = await failure(sendToPrinter(zebra.address, BIG_JOB, { reconnects: 3, reconnectDelayMs: 10 }));
    expect(error.code).toBe('printer_disconnected');
    expect(error.nextStep).toMatch(/reprint from History/);
    await new Promise((r) => setTimeout(r, 100));
    expect(zebra.connections).toBe(1);
    expect(zebra.faults).toEqual([{ mode: 'drop', bytesRead: 20_000 }]);
    expect(zebra.jobs).toEqual([]);
  });

  it('never sends again to a printer that stalls', async () => {
    zebra.setMode('stall');
    const error = await failure(sendToPrinter(zebra.address, BIG_JOB, { timeoutMs: 300, reconnects: 3, reconnectDelayMs: 10 }));
    expect(error.code).toBe('printer_timeout');
    expect(zebra.connections).toBe(1);
  });
});

describe('device and file printers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'printing-device-'));
    vi.stubEnv('LABEL_STATION_FILE_PRINTER', '1');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the exact bytes to a capture file (file:), and a second job appends', async () => {
    const path = join(dir, 'capture.zpl');
    const first = Buffer.from('^XA^FDone^FS^XZ\n');
    await expect(sendToPrinter(`file:${path}`, BIG_JOB)).resolves.toEqual({ bytes: BIG_JOB.length });
    expect((await readFile(path)).equals(BIG_JOB)).toBe(true);
    await sendToPrinter(`file:${path}`, first);
    expect((await readFile(path)).equals(Buffer.concat([BIG_JOB, first]))).toBe(true);
  });

  it('never writes a label into an ordinary file named as a device path (issue 13)', async () => {
    for (const path of [join(dir, 'labels.zpl'), '/etc/station-test-passwd', '/dev/usb/../../tmp/x']) {
      const error = await failure(sendToPrinter(path, Buffer.from('^XA^XZ')));
      expect(error.code).toBe('invalid_printer_address');
      expect(error.message).toContain('it is not a printer device');
    }
    expect(existsSync(join(dir, 'labels.zpl'))).toBe(false);
  });

  it('writes to a capture file only where LABEL_STATION_FILE_PRINTER=1', async () => {
    vi.stubEnv('LABEL_STATION_FILE_PRINTER', '');
    const path = join(dir, 'capture.zpl');
    const error = await failure(sendToPrinter(`file:${path}`, Buffer.from('^XA^XZ')));
    expect(error.code).toBe('invalid_printer_address');
    expect(error.message).toBe(
      `The printer "file:${path}" is a capture file, and writing labels to files is switched off on this station.`,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('reports a missing USB printer in words a packer understands', async () => {
    const error = await failure(sendToPrinter('/dev/usb/lp199', Buffer.from('^XA^XZ')));
    expect(error.code).toBe('printer_not_found');
    expect(error.message).toBe('No printer at /dev/usb/lp199: check the USB cable.');
  });

  it('reports a folder that is missing in a file path as no printer', async () => {
    const error = await failure(sendToPrinter(`file:${join(dir, 'no-such-folder', 'x.zpl')}`, Buffer.from('^XA^XZ')));
    expect(error.code).toBe('printer_not_found');
  });

  it.skipIf(process.getuid?.() === 0)('reports a printer the station may not write to', async () => {
    const path = join(dir, 'locked.zpl');
    await writeFile(path, '');
    await chmod(path, 0o444);
    const error = await failure(sendToPrinter(`file:${path}`, Buffer.from('^XA^XZ')));
    expect(error.code).toBe('printer_permission');
    expect(error.nextStep).toMatch(/write access/);
  });

  it('refuses a folder as a printer', async () => {
    const error = await failure(sendToPrinter(`file:${dir}`, Buffer.from('^XA^XZ')));
    expect(error.code).toBe('invalid_printer_address');
  });
});
