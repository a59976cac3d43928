/** Labels come out in the order they were queued on each printer; printers do not wait for each other. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type StationDatabase } from '../../../../../electron/station/history/database';
import { sendToPrinter } from '../../../../../electron/station/printing';
import { PrintQueue } from '../../../../../electron/station/printing/queue';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: StationDatabase;
let printers: CapturePrinter[] = [];
let queue: PrintQueue;

const sendOnce = (address: string, payload: Buffer) => sendToPrinter(address, payload, { reconnects: 0, timeoutMs: 2_000 });
const label = (name: string): Buffer => Buffer.from(`^XA^FO50,50^A0N,40,40^FD${name}^FS^XZ\n`, 'latin1');

beforeEach(async () => {
  temp = makeTempDir('print-queue-order-');
  db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  printers = [await startCapturePrinter(), await startCapturePrinter()];
  queue = new PrintQueue({ db, send: sendOnce, retryDelaysMs: [20, 40] });
});

afterEach(async () => {
  await queue.stop();
  db.close();
  await Promise.all(printers.map((p) => p.close()));
  temp.remove();
});

describe('print queue order', () => {
  it('prints one printer’s labels in queue order, even when the first one needed retries', async () => {
    const [printer] = printers as [CapturePrinter];
    printer.setMode('refuse');
    const names = ['A1', 'A2', 'A3', 'A4', 'A5'];
    const jobs = names.map((n) => queue.enqueue({ labelId: n, printer: printer.address, payload: label(n), reprint: false }));
    queue.start();
    await until(() => queue.job(jobs[0]!.id)?.state === 'retrying');
    expect(jobs.slice(1).map((j) => queue.job(j.id)?.state)).toEqual(['queued', 'queued', 'queued', 'queued']);

    printer.setMode('capture');
    const more = queue.enqueue({ labelId: 'A6', printer: printer.address, payload: label('A6'), reprint: false });
    await queue.waitFor(more.id);
    expect(printer.jobs.map((b) => b.toString('latin1'))).toEqual([...names, 'A6'].map((n) => label(n).toString('latin1')));
    expect(queue.jobs({ states: ['done'] }).map((j) => j.labelId)).toEqual([...names, 'A6']);
  });

  it('keeps printing on one printer while another printer is down, and catches up when it returns', async () => {
    const [down, up] = printers as [CapturePrinter, CapturePrinter];
    down.setMode('refuse');
    const stuck = queue.enqueue({ labelId: 'D1', printer: down.address, payload: label('D1'), reprint: false });
    const fine = ['U1', 'U2', 'U3'].map((n) => queue.enqueue({ labelId: n, printer: up.address, payload: label(n), reprint: false }));
    const states: Record<string, string> = {};
    queue.on('printer', (p) => (states[p.printer] = p.state));
    queue.start();

    await Promise.all(fine.map((j) => queue.waitFor(j.id)));
    expect(up.jobs).toHaveLength(3);
    expect(queue.job(stuck.id)?.state).toMatch(/retrying|sending/);
    expect(states[down.address]).toBe('retrying');
    expect(states[up.address]).toBe('ok');

    down.setMode('capture');
    await queue.waitFor(stuck.id);
    expect(down.jobs.map((b) => b.toString('latin1'))).toEqual([label('D1').toString('latin1')]);
    expect(queue.printers().map((p) => p.state)).toEqual(['ok', 'ok']);
  });
});

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
