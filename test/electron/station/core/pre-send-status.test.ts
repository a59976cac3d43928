/**
 * Issue 13: the printer's buffer is not the queue. A Zebra (loopback fake answering ~HS) that reports
 * a fault before the label goes out gets nothing: the label waits in the station's queue with the
 * printer's reason, and prints once the printer answers ready.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { expectOutcome } from '../../../support/expect-outcome';
import { startStation, type Harness } from '../../../support/station-harness';

const OUT_OF_LABELS = 'The printer is out of labels: load a new roll and close the head.';
let printer: ZebraStatusPrinter;
let station: Harness;

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  station = await startStation({ LABEL_STATION_PRINTER: printer.address });
});
afterEach(async () => {
  await station.close();
  await printer.close();
});

async function until(predicate: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('asking the printer before sending', () => {
  it('a printer out of labels gets nothing: the scan says why it waits, the job stays unsent, and prints once ready', async () => {
    printer.setState('paper_out');
    const scan = await station.call('submitScan', { scan: '576900000000000301' });
    expectOutcome(scan, 'queued');
    expect(scan.message).toContain(OUT_OF_LABELS);
    const queue = await station.call('getPrintQueue', {});
    expect(queue.jobs).toHaveLength(1);
    expect(queue.jobs[0]).toMatchObject({ state: 'queued', attempts: 0, lastError: OUT_OF_LABELS });
    expect(queue.printers[0]).toMatchObject({ state: 'held', message: expect.stringContaining('Nothing is sent to it until it is ready') });
    expect(printer.statusRequests).toBeGreaterThan(0);
    expect(printer.jobs).toHaveLength(0); // nothing in the printer's buffer to lose at a power cycle

    printer.setState('ok');
    await printer.waitForJobs(1);
    await until(async () => (await station.call('getPrintQueue', {})).jobs.length === 0);
    const [label] = (await station.call('searchHistory', { query: '576900000000000301', filter: 'all', limit: 5, offset: 0 })).labels;
    expect(label).toMatchObject({ status: 'printed', printCount: 1 });
    expect(printer.jobs).toHaveLength(1);
  });
  // A label sent while ready that then faults stays held: test/electron/station/printing/queue/faults.test.ts.
});
