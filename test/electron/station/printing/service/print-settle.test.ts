/** What a scan is told while its label is in the print queue: printed, or waiting and why. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type StationDatabase } from '../../../../../electron/station/history/database';
import { awaitPrintSettled } from '../../../../../electron/station/printing/service/print-settle';
import { PrintQueue } from '../../../../../electron/station/printing/queue';
import { makeTempDir } from '../../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: StationDatabase;
let queue: PrintQueue;
let release: () => void;

const PRINTER = 'tcp://127.0.0.1:9100';
const payload = Buffer.from('^XA^FDx^FS^XZ', 'latin1');

beforeEach(() => {
  temp = makeTempDir('print-settle-');
  db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  let gate = new Promise<void>((r) => (release = r));
  // A printer that takes each label only when the test lets it.
  const send = async (_address: string, bytes: Buffer) => {
    await gate;
    gate = new Promise<void>((r) => (release = r));
    return { bytes: bytes.byteLength };
  };
  queue = new PrintQueue({ db, send });
  queue.start();
});

afterEach(async () => {
  release();
  await queue.stop();
  db.close();
  temp.remove();
});

describe('awaitPrintSettled', () => {
  it('says "printed" as soon as the printer took the label', async () => {
    const job = queue.enqueue({ labelId: 'a', printer: PRINTER, payload, reprint: false });
    const settled = awaitPrintSettled(queue, job, 5_000);
    release();
    await expect(settled).resolves.toMatchObject({ state: 'done' });
  });

  it('says the printer is slow when its own label is still being sent at the deadline', async () => {
    const job = queue.enqueue({ labelId: 'a', printer: PRINTER, payload, reprint: false });
    await expect(awaitPrintSettled(queue, job, 100)).resolves.toMatchObject({
      state: 'waiting',
      reason: expect.stringMatching(/slow to take the label/),
    });
  });

  it('says earlier labels are printing when the label waits its turn at the deadline', async () => {
    queue.enqueue({ labelId: 'first', printer: PRINTER, payload, reprint: false });
    const second = queue.enqueue({ labelId: 'second', printer: PRINTER, payload, reprint: false });
    await expect(awaitPrintSettled(queue, second, 100)).resolves.toMatchObject({
      state: 'waiting',
      reason: expect.stringMatching(/Earlier labels/),
    });
  });

  it('says cancelled when the label is taken out of the queue while waiting', async () => {
    queue.enqueue({ labelId: 'first', printer: PRINTER, payload, reprint: false });
    const second = queue.enqueue({ labelId: 'second', printer: PRINTER, payload, reprint: false });
    const settled = awaitPrintSettled(queue, second, 5_000);
    queue.cancel(second.id);
    await expect(settled).resolves.toMatchObject({ state: 'cancelled' });
  });
});
