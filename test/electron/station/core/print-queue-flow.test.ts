/**
 * The durable print queue behind every scan and reprint, through the real station core: a printer
 * that is out of paper, unreachable, silent or restarted holds labels and says why; they print by
 * themselves once it is ready, in order, never sent twice to a printer that already took them and
 * never lost across a station restart. Several printers: reprint, test print and status per printer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/contract';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { expectOutcome } from '../../../support/expect-outcome';

const ORDERS = ['576477431806268482', '576477431806268483', '576477431806268484'] as const;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function zebra(options: Parameters<typeof startZebraStatusPrinter>[0] = {}): Promise<ZebraStatusPrinter> {
  const printer = await startZebraStatusPrinter(options);
  cleanups.push(() => printer.close());
  return printer;
}

async function stationOn(printer: ZebraStatusPrinter): Promise<Harness> {
  const station = await startStation({});
  cleanups.push(() => station.close());
  await station.call('updateSettings', { printer: { address: printer.address } });
  return station;
}

async function labelStatus(station: Harness, labelId: string): Promise<string> {
  return (await station.call('getLabel', { labelId })).status;
}

describe('a printer that is not ready holds the queue and says why', () => {
  it('out of paper: the label waits, the next one waits behind it, and both print once paper is loaded (each sent once)', async () => {
    const printer = await zebra({ state: 'paper_out' });
    const station = await stationOn(printer);
    const views: EventPayload<'printQueue'>[] = [];
    station.core.events.on('printQueue', (view) => views.push(view));

    const first = await station.call('submitScan', { scan: ORDERS[0] });
    expectOutcome(first, 'queued');
    expect(first.message).toMatch(/out of labels/);
    expect(first.label.status).toBe('queued');
    // Issue 13: a printer known out of paper gets nothing (its buffer is lost at a power cycle).
    expect(printer.jobs).toHaveLength(0);

    const second = await station.call('submitScan', { scan: ORDERS[1] });
    expect(second).toMatchObject({ outcome: 'queued', message: expect.stringMatching(/out of labels/) });
    expectOutcome(second, 'queued');
    const view = await station.call('getPrintQueue', {});
    expect(view.printers).toEqual([
      expect.objectContaining({ printerId: 'label', state: 'held', waiting: 2, message: expect.stringMatching(/out of labels/) }),
    ]);
    expect(view.jobs.map((j) => [j.orderId, j.state])).toEqual([
      [ORDERS[0], 'queued'],
      [ORDERS[1], 'queued'],
    ]);
    await expect.poll(() => views.at(-1)?.printers[0]?.state).toBe('held');
    expect(printer.jobs).toHaveLength(0); // nothing is sent while the printer reports a fault

    printer.setState('ok');
    const jobs = await printer.waitForJobs(2, 5000);
    await expect.poll(() => labelStatus(station, first.label.id), { timeout: 5000 }).toBe('printed');
    await expect.poll(() => labelStatus(station, second.label.id), { timeout: 5000 }).toBe('printed');
    expect(jobs).toHaveLength(2);
    expect(await decodeZplBarcodes(jobs[0]!)).toContain(first.label.trackingNumbers[0]);
    expect(await decodeZplBarcodes(jobs[1]!)).toContain(second.label.trackingNumbers[0]);
    await expect.poll(() => views.at(-1), { timeout: 5000 }).toEqual({ printers: [], jobs: [] });
    expect((await station.call('getLabel', { labelId: first.label.id })).printCount).toBe(1);
  });

  it('a label waiting for its printer is not reprinted beside it: the reprint is refused with the way out', async () => {
    const printer = await zebra({ state: 'paper_out' });
    const station = await stationOn(printer);
    const scanned = await station.call('submitScan', { scan: ORDERS[0] });
    expectOutcome(scanned, 'queued');
    await expect(station.call('reprintLabel', { reason: 'Label damaged', labelId: scanned.label.id })).rejects.toMatchObject({
      code: 'label_waiting_for_printer',
      nextStep: expect.stringMatching(/cancel it in the print queue/),
    });
    expect((await station.call('getPrintQueue', {})).jobs).toHaveLength(1);
    expect(printer.jobs).toHaveLength(0);
  });

  it('a printer that never answers its status check holds the label until the packer says it printed', async () => {
    const printer = await zebra({ answers: false });
    const station = await stationOn(printer);
    const scanned = await station.call('submitScan', { scan: ORDERS[0] });
    expect(scanned).toMatchObject({ outcome: 'queued', message: expect.stringMatching(/did not answer/) });
    expectOutcome(scanned, 'queued');
    await expect(station.call('resolvePrintJob', { printJobId: scanned.printJobId + 1000, action: 'printed' })).rejects.toMatchObject({
      code: 'job_not_found',
    });

    const resolved = await station.call('resolvePrintJob', { printJobId: scanned.printJobId, action: 'printed' });
    expect(resolved).toMatchObject({ state: 'done', orderId: ORDERS[0] });
    expect(await labelStatus(station, scanned.label.id)).toBe('printed');
    expect((await station.call('getPrintQueue', {})).jobs).toEqual([]);
  });

  it('the status check can be switched off for a printer that never answers: a label is printed once it took every byte', async () => {
    const printer = await zebra({ answers: false });
    const station = await stationOn(printer);
    await station.call('updateSettings', { printer: { statusCheck: false } });
    const scanned = await station.call('submitScan', { scan: ORDERS[0] });
    expect(scanned.outcome).toBe('printed');
    expect(printer.statusRequests).toBe(0);
  });

  it('cancelling a waiting label takes it out of the queue; History keeps it for a reprint', async () => {
    const printer = await zebra();
    const station = await stationOn(printer);
    await station.call('updateSettings', { printer: { address: 'tcp://127.0.0.1:1' } });
    const scanned = await station.call('submitScan', { scan: ORDERS[0] });
    if (scanned.outcome !== 'queued') throw new Error(`expected queued, got ${scanned.outcome}`);

    // Between retries the job is 'retrying'; a send in progress cannot be cancelled, so try until it is between sends.
    await expect
      .poll(
        async () => (await station.call('resolvePrintJob', { printJobId: scanned.printJobId, action: 'cancel' }).catch(() => null))?.state,
        { timeout: 5000 },
      )
      .toBe('cancelled');
    const label = await station.call('getLabel', { labelId: scanned.label.id });
    expect(label).toMatchObject({ status: 'print_failed', error: expect.stringMatching(/cancelled/) });
    expect((await station.call('getPrintQueue', {})).jobs).toEqual([]);
    await expect(station.call('resolvePrintJob', { printJobId: scanned.printJobId, action: 'printed' })).rejects.toMatchObject({
      code: 'job_not_held',
    });

    await station.call('updateSettings', { printer: { address: printer.address } });
    expect(printer.jobs).toHaveLength(0); // a cancelled job does not follow the printer
    const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: scanned.label.id });
    expect(reprint.ok).toBe(true);
    expect(await decodeZplBarcodes((await printer.waitForJobs(1, 5000))[0]!)).toContain(scanned.label.trackingNumbers[0]);
  });
});

describe('nothing is lost across a restart', () => {
  it('a label waiting for an offline printer is still queued after the station restarts, and prints when the printer is back', async () => {
    const printer = await zebra();
    const station = await stationOn(printer);
    await printer.goOffline(2500);
    const scanned = await station.call('submitScan', { scan: ORDERS[0] });
    expectOutcome(scanned, 'queued');

    await station.restart();
    const afterRestart = await station.call('getPrintQueue', {});
    expect(afterRestart.jobs.map((j) => j.id)).toContain(scanned.printJobId);

    const [job] = await printer.waitForJobs(1, 10_000);
    expect(await decodeZplBarcodes(job!)).toContain(scanned.label.trackingNumbers[0]);
    await expect.poll(() => labelStatus(station, scanned.label.id), { timeout: 5000 }).toBe('printed');
    expect(printer.jobs).toHaveLength(1);
  });
});

describe('several printers on one station', () => {
  it('reprints, test-prints and checks the printer chosen, while scans keep printing on the default', async () => {
    const labels = await zebra();
    const spare = await zebra({ state: 'paused' });
    const station = await stationOn(labels);
    const current = await station.call('getSettings', {});
    await station.call('updateSettings', {
      printers: {
        defaultId: current.printers.defaultId,
        list: [
          ...current.printers.list,
          { id: 'spare', name: 'Spare Zebra', address: spare.address, dpi: 203, language: 'zpl', media: '4x6', statusCheck: true },
        ],
      },
    });

    const scanned = await station.call('submitScan', { scan: ORDERS[0] });
    expectOutcome(scanned, 'printed');
    expect(labels.jobs).toHaveLength(1);

    const status = await station.call('getPrinterStatus', { printerId: 'spare' });
    expect(status).toMatchObject({ printerId: 'spare', printer: spare.address, state: 'fault', faults: ['paused'] });
    expect(await station.call('getPrinterStatus', {})).toMatchObject({ printerId: 'label', state: 'ready' });

    const test = await station.call('testPrint', { printerId: 'spare' });
    expect(test).toMatchObject({ ok: true, printer: spare.address });
    await spare.waitForJobs(1, 5000);

    const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: scanned.label.id, printerId: 'spare' });
    expect(reprint).toMatchObject({
      ok: false,
      printer: spare.address,
      queued: { printJobId: expect.any(Number) },
      problem: { code: 'print_queued' },
    });
    expect(reprint.problem?.message).toMatch(/Spare Zebra.*paused/);
    // The label already printed once: waiting for a reprint does not make it "not printed".
    expect(await labelStatus(station, scanned.label.id)).toBe('printed');
    const view = await station.call('getPrintQueue', {});
    expect(view.printers).toEqual([expect.objectContaining({ printerId: 'spare', name: 'Spare Zebra', state: 'held', waiting: 1 })]);

    spare.setState('ok');
    await expect.poll(async () => (await station.call('getPrintQueue', {})).jobs.length, { timeout: 5000 }).toBe(0);
    const jobs = await spare.waitForJobs(2, 5000);
    expect(await decodeZplBarcodes(jobs[1]!)).toContain(scanned.label.trackingNumbers[0]);
    expect((await station.call('getLabel', { labelId: scanned.label.id })).printCount).toBe(2);

    await expect(
      station.call('reprintLabel', { reason: 'Label damaged', labelId: scanned.label.id, printerId: 'gone' }),
    ).rejects.toMatchObject({
      code: 'printer_not_found',
    });
  });
});
