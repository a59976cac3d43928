/** Printer faults: transport failures are retried until the label is printed; a paused printer holds the queue. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type StationDatabase } from '../../../../../electron/station/history/database';
import { sendToPrinter } from '../../../../../electron/station/printing';
import {
  PrintQueue,
  type PrinterQueueStatus,
  type PrinterStatusReport,
  type PrintJob,
  type StatusFn,
} from '../../../../../electron/station/printing/queue';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: StationDatabase;
let printer: CapturePrinter;
let queue: PrintQueue | null = null;

const sendOnce = (address: string, payload: Buffer) => sendToPrinter(address, payload, { reconnects: 0, timeoutMs: 2_000 });
const bigLabel = (n: number): Buffer => Buffer.from(`^XA^FO20,20^A0N,30,30^FDLABEL ${n} ${'X'.repeat(4000)}^FS^XZ\n`, 'latin1');

const READY: PrinterStatusReport = { ok: true, faults: [], message: '' };
const PAUSED: PrinterStatusReport = { ok: false, faults: ['paused'], message: 'The printer is paused.' };
const PAPER_OUT: PrinterStatusReport = { ok: false, faults: ['paper_out'], message: 'The printer is out of labels.' };

function startQueue(opts: { status?: StatusFn; statusTimeoutMs?: number } = {}): {
  queue: PrintQueue;
  jobEvents: PrintJob[];
  printerEvents: PrinterQueueStatus[];
} {
  const q = new PrintQueue({ db, send: sendOnce, retryDelaysMs: [20, 40, 60], statusPollMs: 15, ...opts });
  queue = q;
  const jobEvents: PrintJob[] = [];
  const printerEvents: PrinterQueueStatus[] = [];
  q.on('job', (j) => jobEvents.push(j));
  q.on('printer', (p) => printerEvents.push(p));
  return { queue: q, jobEvents, printerEvents };
}

beforeEach(async () => {
  temp = makeTempDir('print-queue-faults-');
  db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  printer = await startCapturePrinter();
});

afterEach(async () => {
  await queue?.stop();
  queue = null;
  db.close();
  await printer.close();
  temp.remove();
});

describe('print queue faults', () => {
  it('retries after the printer drops the connection mid-label, then prints the label whole, once', async () => {
    printer.setMode('drop', { dropAfterBytes: 1000 });
    const { queue: q, jobEvents, printerEvents } = startQueue();
    const job = q.enqueue({ labelId: 'l1', printer: printer.address, payload: bigLabel(1), reprint: false });
    q.start();
    await until(() => q.job(job.id)?.state === 'retrying' && q.job(job.id)!.attempts >= 2); // failed twice or more
    expect(jobEvents.find((e) => e.state === 'retrying')?.lastError).toMatch(/dropped the connection|closed the connection/);
    expect(printerEvents.find((e) => e.state === 'retrying')?.message).toMatch(/Trying again in \d+ ms; 1 label waits in the queue\./);

    printer.setMode('capture');
    const done = await q.waitFor(job.id);
    expect(done.state).toBe('done');
    expect(printer.faults.length).toBeGreaterThanOrEqual(2);
    expect(done.attempts).toBe(printer.faults.length + 1); // every attempt counted, the last one printed
    expect(printer.jobs).toEqual([bigLabel(1)]);
    expect(printerEvents.at(-1)).toEqual({ printer: printer.address, state: 'ok', message: 'The printer is ready.' });
  });

  it('holds the queue while the printer is paused, says why, then continues without re-sending', async () => {
    let report = PAUSED;
    // Ready when the first label goes out (the check before sending), paused right after it.
    let checks = 0;
    const { queue: q, printerEvents } = startQueue({ status: async () => (checks++ === 0 ? READY : report) });
    const first = q.enqueue({ labelId: 'a', printer: printer.address, payload: bigLabel(1), reprint: false });
    const second = q.enqueue({ labelId: 'b', printer: printer.address, payload: bigLabel(2), reprint: false });
    q.start();
    await until(() => q.job(first.id)?.state === 'held');
    expect(q.job(first.id)).toMatchObject({ state: 'held', lastError: 'The printer is paused.', bytesSent: bigLabel(1).length });
    expect(printerEvents.at(-1)).toMatchObject({
      state: 'held',
      message: expect.stringMatching(/^The printer is paused\. Printing continues by itself .*; 2 labels wait in the queue\.$/),
    });

    report = PAPER_OUT; // the reason shown follows the printer
    await until(() => q.job(first.id)?.lastError === 'The printer is out of labels.');
    await new Promise((r) => setTimeout(r, 60));
    expect(printer.jobs).toHaveLength(1); // nothing more is pushed into a faulted printer
    expect(q.job(second.id)?.state).toBe('queued');

    report = READY;
    await q.waitFor(second.id);
    expect(q.job(first.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(printer.jobs).toEqual([bigLabel(1), bigLabel(2)]);
    expect(printerEvents.at(-1)?.state).toBe('ok');
  });

  it('sends nothing to a printer known to be out of labels: the job waits unsent with the reason, then prints once (issue 13)', async () => {
    let report = PAPER_OUT;
    const { queue: q, jobEvents, printerEvents } = startQueue({ status: async () => report });
    const job = q.enqueue({ labelId: 'w', printer: printer.address, payload: bigLabel(5), reprint: false });
    q.start();
    await until(() => q.job(job.id)?.lastError === 'The printer is out of labels.');
    expect(q.job(job.id)).toMatchObject({ state: 'queued', attempts: 0, bytesSent: 0 });
    expect(jobEvents.some((e) => e.state === 'held' || e.state === 'sending')).toBe(false);
    expect(printerEvents.at(-1)).toMatchObject({
      state: 'held',
      message: 'The printer is out of labels. Nothing is sent to it until it is ready.',
    });
    await new Promise((r) => setTimeout(r, 60)); // several polls: still nothing sent
    expect(printer.jobs).toHaveLength(0);
    expect(printer.connections).toBe(0);

    report = READY;
    expect(await q.waitFor(job.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(printer.jobs).toEqual([bigLabel(5)]);
  });

  it('treats a printer that never answers the status check as a fault, not as ready', async () => {
    let answer = false;
    const status: StatusFn = () => (answer ? Promise.resolve(READY) : new Promise(() => undefined));
    const { queue: q } = startQueue({ status, statusTimeoutMs: 30 });
    const job = q.enqueue({ labelId: null, printer: printer.address, payload: bigLabel(3), reprint: false });
    q.start();
    await until(() => q.job(job.id)?.state === 'held');
    expect(q.job(job.id)?.lastError).toBe('The printer did not answer the status check within 30 ms.');
    answer = true;
    expect(await q.waitFor(job.id)).toMatchObject({ state: 'done' });
  });

  it('a held job survives a restart and completes once the printer is ready, without printing twice', async () => {
    let report = PAUSED;
    let checks = 0;
    const status: StatusFn = async () => (checks++ === 0 ? READY : report);
    const { queue: first } = startQueue({ status });
    const job = first.enqueue({ labelId: 'x', printer: printer.address, payload: bigLabel(4), reprint: false });
    first.start();
    await until(() => first.job(job.id)?.state === 'held');
    await first.stop();

    const { queue: second } = startQueue({ status });
    expect(second.job(job.id)?.state).toBe('held');
    second.start();
    report = READY;
    expect(await second.waitFor(job.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(printer.jobs).toEqual([bigLabel(4)]);
  });
});

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
