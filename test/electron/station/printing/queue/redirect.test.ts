/**
 * A printer whose address was wrong: its waiting labels follow it to the corrected address, in
 * order, including one whose send was in flight when the address changed; a label the old address
 * already took (held) stays. And a held label the packer saw come out is completed by hand.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type StationDatabase } from '../../../../../electron/station/history/database';
import { sendToPrinter } from '../../../../../electron/station/printing';
import { PrintQueue, type PrinterStatusReport } from '../../../../../electron/station/printing/queue';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: StationDatabase;
let printer: CapturePrinter;
let queue: PrintQueue | undefined;

const DEAD = 'tcp://127.0.0.1:1';
const label = (name: string): Buffer => Buffer.from(`^XA^FO50,50^A0N,40,40^FD${name}^FS^XZ\n`, 'latin1');
const enqueue = (q: PrintQueue, name: string, address: string) =>
  q.enqueue({ labelId: name, printer: address, payload: label(name), reprint: false });

beforeEach(async () => {
  temp = makeTempDir('print-queue-redirect-');
  db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  printer = await startCapturePrinter();
});

afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  db.close();
  await printer.close();
  temp.remove();
});

describe('print queue: a printer that moved', () => {
  it('sends the waiting labels to the new address in their order; nothing is left behind', async () => {
    queue = new PrintQueue({ db, send: (a, p) => sendToPrinter(a, p, { reconnects: 0, timeoutMs: 1_000 }), retryDelaysMs: [30] });
    const jobs = ['M1', 'M2', 'M3'].map((n) => enqueue(queue!, n, DEAD));
    queue.start();
    await until(() => queue!.job(jobs[0]!.id)?.attempts === 2);

    // Whether or not M1 is being sent to the dead address at this moment, none may overtake it.
    queue.redirect(DEAD, printer.address);
    await Promise.all(jobs.map((j) => queue!.waitFor(j.id)));
    expect(printer.jobs.map((b) => b.toString('latin1'))).toEqual(['M1', 'M2', 'M3'].map((n) => label(n).toString('latin1')));
    expect(queue.jobs({ printer: DEAD, states: ['queued', 'sending', 'retrying', 'held'] })).toEqual([]);
  });

  it('a label whose send to the old address was in flight follows once that send fails, still first', async () => {
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (release = r));
    const send = async (address: string, payload: Buffer) => {
      if (address === DEAD) {
        await inFlight;
        throw new Error('connect ECONNREFUSED');
      }
      return sendToPrinter(address, payload, { reconnects: 0, timeoutMs: 1_000 });
    };
    queue = new PrintQueue({ db, send, retryDelaysMs: [5_000] });
    const job = enqueue(queue, 'F1', DEAD);
    const behind = enqueue(queue, 'F2', DEAD);
    queue.start();
    await until(() => queue!.job(job.id)?.state === 'sending');

    expect(queue.redirect(DEAD, printer.address)).toBe(0); // F2 must not overtake F1, which is being sent
    expect(queue.job(behind.id)?.printer).toBe(DEAD);
    release();
    // Without following, F1 would wait 5 s and retry the dead address forever.
    const done = await queue.waitFor(job.id);
    await queue.waitFor(behind.id);
    expect(done.printer).toBe(printer.address);
    expect(printer.jobs.map((b) => b.toString('latin1'))).toEqual(['F1', 'F2'].map((n) => label(n).toString('latin1')));
  });

  it('a held label stays with the printer that has it, and the packer can confirm it printed', async () => {
    let report: PrinterStatusReport = { ok: false, faults: ['no_answer'], message: 'The printer did not answer.' };
    queue = new PrintQueue({ db, send: (a, p) => sendToPrinter(a, p, { reconnects: 0 }), status: async () => report, statusPollMs: 20 });
    const held = enqueue(queue, 'H1', printer.address);
    const next = enqueue(queue, 'H2', printer.address);
    queue.start();
    await until(() => queue!.job(held.id)?.state === 'held');
    expect(() => queue!.confirmPrinted(next.id)).toThrow(expect.objectContaining({ code: 'job_not_held' }));

    const elsewhere = await startCapturePrinter();
    try {
      expect(queue.redirect(printer.address, elsewhere.address)).toBe(1); // H2 only
      expect(queue.job(held.id)?.printer).toBe(printer.address);
      expect(queue.confirmPrinted(held.id).state).toBe('done');
      report = { ok: true, faults: [], message: 'ready' };
      await queue.waitFor(next.id);
      expect(elsewhere.jobs.map((b) => b.toString('latin1'))).toEqual([label('H2').toString('latin1')]);
      expect(printer.jobs).toHaveLength(1);
      // Confirming twice changes nothing and records nothing twice.
      const doneEvents: number[] = [];
      queue.on('job', (j) => j.state === 'done' && doneEvents.push(j.id));
      expect(queue.confirmPrinted(held.id).state).toBe('done');
      expect(doneEvents).toEqual([]);
    } finally {
      await queue.stop();
      await elsewhere.close();
    }
  });
});

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
