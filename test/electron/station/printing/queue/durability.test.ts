/** The queue never loses a label: stored before sending, re-sent after a crash mid-send, cancel. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type StationDatabase } from '../../../../../electron/station/history/database';
import { sendToPrinter } from '../../../../../electron/station/printing';
import { PrintQueue, type PrintQueueError, type PrintJob } from '../../../../../electron/station/printing/queue';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let dbFile: string;
let printer: CapturePrinter;
const open: StationDatabase[] = [];
const queues: PrintQueue[] = [];

const label = (n: number): Buffer => Buffer.from(`^XA^FO50,50^A0N,40,40^FDLABEL ${n}^FS^XZ\n`, 'latin1');

function openDb(): StationDatabase {
  const db = openDatabase(dbFile);
  open.push(db);
  return db;
}

// No transport-level reconnect: the queue's own retry schedule is what these tests watch.
const sendOnce = (address: string, payload: Buffer) => sendToPrinter(address, payload, { reconnects: 0, timeoutMs: 2_000 });

function makeQueue(db: StationDatabase, send: (a: string, p: Buffer) => Promise<{ bytes: number }> = sendOnce): PrintQueue {
  const queue = new PrintQueue({ db, send, retryDelaysMs: [25, 50] });
  queues.push(queue);
  return queue;
}

/** Reads the job row through a separate connection: what another process (or a restart) would see. */
function rowFromDisk(id: number): { state: string; payload: Buffer; attempts: number } | undefined {
  const other = new Database(dbFile, { readonly: true });
  try {
    return other.prepare('SELECT state, payload, attempts FROM print_jobs WHERE id = ?').get(id) as
      { state: string; payload: Buffer; attempts: number } | undefined;
  } finally {
    other.close();
  }
}

beforeEach(async () => {
  temp = makeTempDir('print-queue-');
  dbFile = path.join(temp.dir, 'history.sqlite');
  printer = await startCapturePrinter();
});

afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  for (const db of open.splice(0)) if (db.open) db.close();
  await printer.close();
  temp.remove();
});

describe('print queue durability', () => {
  it('commits the job before anything is sent; a station killed before sending prints it after restart', async () => {
    const first = makeQueue(openDb());
    const job = first.enqueue({ labelId: 'label-1', printer: printer.address, payload: label(1), reprint: false });
    expect(job).toMatchObject({ state: 'queued', attempts: 0, labelId: 'label-1', size: label(1).length });
    expect(rowFromDisk(job.id)).toMatchObject({ state: 'queued', payload: label(1) });
    expect(printer.connections).toBe(0);

    open[0]!.close(); // the station dies before its worker ever ran
    const second = makeQueue(openDb());
    second.start();
    const done = await second.waitFor(job.id);
    expect(done).toMatchObject({ state: 'done', attempts: 1, bytesSent: label(1).length });
    expect(printer.jobs).toEqual([label(1)]);
  });

  it('re-sends a job a crash left in "sending" (a duplicate is acceptable, a lost label is not)', async () => {
    const db = openDb();
    const crashed = makeQueue(db, () => new Promise(() => undefined)); // the write never finishes
    const job = crashed.enqueue({ labelId: 'label-2', printer: printer.address, payload: label(2), reprint: false });
    crashed.start();
    for (let i = 0; i < 100 && rowFromDisk(job.id)?.state !== 'sending'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(rowFromDisk(job.id)).toMatchObject({ state: 'sending', attempts: 1 });
    queues.splice(queues.indexOf(crashed), 1); // no clean stop: the process "died" mid-write
    db.close();

    const restarted = makeQueue(openDb());
    expect(restarted.job(job.id)).toMatchObject({ state: 'queued', attempts: 1 });
    restarted.start();
    expect(await restarted.waitFor(job.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(printer.jobs).toEqual([label(2)]);
  });

  it('cancels a waiting job: waitFor rejects, it is never printed, later jobs still print', async () => {
    printer.setMode('refuse');
    const queue = makeQueue(openDb());
    const a = queue.enqueue({ labelId: 'a', printer: printer.address, payload: label(1), reprint: false });
    const b = queue.enqueue({ labelId: 'b', printer: printer.address, payload: label(2), reprint: true });
    const waitA = queue.waitFor(a.id);
    const waitAOutcome = waitA.then(
      () => 'done',
      (e: unknown) => (e as PrintQueueError).code,
    );
    queue.start();
    await until(() => queue.job(a.id)?.state === 'retrying');

    const cancelled = queue.cancel(a.id);
    expect(cancelled.state).toBe('cancelled');
    expect(await waitAOutcome).toBe('job_cancelled');
    printer.setMode('capture');
    expect(await queue.waitFor(b.id)).toMatchObject({ state: 'done', reprint: true });
    expect(printer.jobs).toEqual([label(2)]);
    expect(rowFromDisk(a.id)?.state).toBe('cancelled');
    expect(() => queue.cancel(b.id)).toThrow(expect.objectContaining({ code: 'job_already_done' }));
    expect(() => queue.cancel(9999)).toThrow(expect.objectContaining({ code: 'job_not_found' }));
  });

  it('stop() lets the label being sent finish and records it before it returns', async () => {
    let release: () => void = () => undefined;
    const slowSend = async (address: string, payload: Buffer) => {
      await new Promise<void>((r) => (release = r));
      return sendOnce(address, payload);
    };
    const queue = makeQueue(openDb(), slowSend);
    const a = queue.enqueue({ labelId: 'a', printer: printer.address, payload: label(1), reprint: false });
    const b = queue.enqueue({ labelId: 'b', printer: printer.address, payload: label(2), reprint: false });
    queue.start();
    await until(() => queue.job(a.id)?.state === 'sending');
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false); // still waiting for the write in progress
    release();
    await stopping;
    expect(queue.job(a.id)?.state).toBe('done');
    expect(queue.job(b.id)?.state).toBe('queued'); // not started after stop()
    expect(printer.jobs).toEqual([label(1)]);
  });

  it('refuses a job without a printer address or without bytes, with words a packer can act on', () => {
    const queue = makeQueue(openDb());
    expect(() => queue.enqueue({ labelId: null, printer: ' ', payload: label(1), reprint: false })).toThrow(/printer address is empty/);
    expect(() => queue.enqueue({ labelId: null, printer: printer.address, payload: Buffer.alloc(0), reprint: false })).toThrow(
      /label to print is empty/,
    );
    expect(queue.jobs()).toEqual([]);
  });

  it('keeps unfinished jobs queued across stop() and lists jobs by printer and state', async () => {
    printer.setMode('refuse');
    const queue = makeQueue(openDb());
    const job = queue.enqueue({ labelId: null, printer: printer.address, payload: label(3), reprint: false });
    const pending = queue.waitFor(job.id).catch((e: PrintQueueError) => e.code);
    queue.start();
    await until(() => (queue.job(job.id)?.attempts ?? 0) >= 2);
    await queue.stop();
    expect(await pending).toBe('queue_stopped');
    const left: PrintJob[] = queue.jobs({ printer: printer.address, states: ['retrying', 'queued'] });
    expect(left.map((j) => j.id)).toEqual([job.id]);
    expect(queue.jobs({ states: ['done'] })).toEqual([]);
  });
});

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
