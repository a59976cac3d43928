import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { startStation, type Harness } from '../../../support/station-harness';
import { startZebraStation, type ZebraStation } from '../../../support/zebra-station';
import { expectOutcome } from '../../../support/expect-outcome';

const ORDER = '576477431806268482';
let zebraStation: ZebraStation;
let printer: ZebraStation['printer'];
let station: Harness;

beforeEach(async () => {
  zebraStation = await startZebraStation();
  ({ station, printer } = zebraStation);
});
afterEach(() => zebraStation.close());

describe('scan -> buy -> print -> remember, on the embedded sandbox', () => {
  it('prints a label whose barcode decodes to the tracking number and keeps it in history', async () => {
    const progress: string[] = [];
    station.core.events.on('jobProgress', (event) => progress.push(event.step));

    const result = await station.call('submitScan', { scan: `${ORDER}\r` });

    expectOutcome(result, 'printed');
    // Asking whether a label exists, then buying it.
    expect(progress).toEqual(['resolving', 'buying', 'buying', 'printing', 'done']);
    expect(result.label).toMatchObject({
      orderId: ORDER,
      provider: 'sandbox',
      sandbox: true,
      status: 'printed',
      printCount: 1,
      format: 'pdf',
    });
    const tracking = result.label.trackingNumbers[0]!;
    const [job] = await printer.waitForJobs(1, 5000);
    expect(job!.toString('latin1')).toMatch(/^\^XA/);
    expect(await decodeZplBarcodes(job!)).toContain(tracking);
    expect(existsSync(result.label.filePath!)).toBe(true);

    const found = await station.call('searchHistory', { query: tracking.slice(0, 8) });
    expect(found.labels.map((l) => l.id)).toEqual([result.label.id]);
  });

  it('offers a reprint instead of buying a second label, and the reprint sends the same label again', async () => {
    const first = await station.call('submitScan', { scan: ORDER });
    expect(first.outcome).toBe('printed');
    const second = await station.call('submitScan', { scan: ORDER });
    expect(second.outcome).toBe('already_labelled');
    expect(second.outcome === 'already_labelled' && second.message).toMatch(/Nothing was bought/);
    expect((await station.call('searchHistory', { query: ORDER })).total).toBe(1);

    const reprint = await station.call('reprintLabel', {
      reason: 'Label damaged',
      labelId: first.outcome === 'printed' ? first.label.id : '',
    });
    expect(reprint.ok).toBe(true);
    const jobs = await printer.waitForJobs(2, 5000);
    expect(jobs[1]!.equals(jobs[0]!)).toBe(true);
    const detail = await station.call('getLabel', { labelId: first.outcome === 'printed' ? first.label.id : '' });
    expect(detail.printCount).toBe(2);
    expect(detail.printAttempts.map((a) => a.reprint)).toEqual([true, false]);
  });

  it('keeps a bought label waiting when the printer is down, and prints it by itself once the address is fixed', async () => {
    await station.call('updateSettings', { printer: { address: 'tcp://127.0.0.1:1' } });
    const result = await station.call('submitScan', { scan: ORDER });
    expectOutcome(result, 'queued');
    expect(result.message).toMatch(/Label bought and saved/);
    expect(result.message).toMatch(/127\.0\.0\.1:1/);
    expect(result.message).toMatch(/prints by itself/);
    expect(result.label).toMatchObject({ status: 'queued', printCount: 0 });
    expect(result.label.trackingNumbers).toHaveLength(1);
    const view = await station.call('getPrintQueue', {});
    expect(view.printers).toEqual([
      expect.objectContaining({ printerId: 'label', name: 'Label printer', address: 'tcp://127.0.0.1:1', state: 'retrying', waiting: 1 }),
    ]);
    expect(view.jobs).toEqual([
      expect.objectContaining({
        id: result.printJobId,
        orderId: ORDER,
        trackingNumber: result.label.trackingNumbers[0],
        state: expect.stringMatching(/retrying|sending|queued/),
      }),
    ]);

    const again = await station.call('submitScan', { scan: ORDER });
    expect(again).toMatchObject({ outcome: 'already_labelled', message: expect.stringMatching(/waiting for the printer/) });

    // The supervisor corrects the address: the waiting label follows the printer and prints, no reprint needed.
    await station.call('updateSettings', { printer: { address: printer.address } });
    const [job] = await printer.waitForJobs(1, 5000);
    expect(await decodeZplBarcodes(job!)).toContain(result.label.trackingNumbers[0]);
    await expect.poll(async () => (await station.call('getLabel', { labelId: result.label.id })).status, { timeout: 5000 }).toBe('printed');
    const detail = await station.call('getLabel', { labelId: result.label.id });
    expect(detail.printAttempts.some((a) => !a.ok && /127\.0\.0\.1:1/.test(a.error ?? ''))).toBe(true);
    expect(detail.printAttempts.filter((a) => a.ok)).toHaveLength(1);
    expect(printer.jobs).toHaveLength(1);
    await expect.poll(async () => (await station.call('getPrintQueue', {})).jobs, { timeout: 5000 }).toEqual([]);
  });

  it('tells the packer what to do with a bad scan and buys nothing', async () => {
    const result = await station.call('submitScan', { scan: '#1001' });
    expect(result).toMatchObject({ outcome: 'failed', problem: { code: 'shopify_order_number' } });
    expect((await station.call('searchHistory', { query: '' })).total).toBe(0);
  });

  it('shows the label preview as the printer will print it', async () => {
    const result = await station.call('submitScan', { scan: ORDER });
    if (result.outcome !== 'printed') throw new Error(result.outcome);
    const preview = await station.call('getLabelPreview', { labelId: result.label.id });
    expect(preview).toMatchObject({ widthDots: 812, heightDots: 1218 });
    expect(Buffer.from(preview.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('sends a test print that scans', async () => {
    const outcome = await station.call('testPrint', {});
    expect(outcome.ok).toBe(true);
    const [job] = await printer.waitForJobs(1, 5000);
    expect((await decodeZplBarcodes(job!)).length).toBeGreaterThan(0);
  });
});

describe('a label bought just before the station stopped', () => {
  it('gets its file downloaded at the next start, so it reprints without the provider', async () => {
    const { openDatabase, sqliteHistory } = await import('../../../../electron/station/history/database');
    const { HistoryStore } = await import('../../../../electron/station/history/history-store');
    const harness = await startStation({});
    const labelId = 'bought-before-crash';
    await harness.core.close();
    const db = openDatabase(`${harness.dataDir}/history.sqlite`);
    const history = new HistoryStore(sqliteHistory(db));
    await history.insertBuying({
      id: labelId,
      orderId: '576000000000000555',
      parcelKey: '1of1',
      reference: 'ls-x-576000000000000555-1of1',
      provider: 'sandbox',
      sandbox: true,
      operator: '',
      printer: '',
      request: '{}',
      generation: 1,
      station: 'test',
      stationId: 'test',
      checkUntil: new Date(Date.now() + 60_000).toISOString(),
    });
    const { createSandboxProvider } = await import('../../../../electron/station/providers/sandbox');
    const sandbox = createSandboxProvider({ latencyMs: 0, ledgerDir: harness.dataDir });
    const bought = await sandbox.createLabel({
      orderId: '576000000000000555',
      parcels: [{ dimension: { width: 8, height: 4, depth: 6, unit: 'in' }, weight: { value: 1, unit: 'lb' }, itemIds: [] }],
      reference: 'ls-x-576000000000000555-1of1',
      fileType: 'pdf',
      order: null,
    });
    await history.markBought(labelId, bought);
    db.close();

    await harness.restart();
    await harness.core.reconciled;
    const detail = await harness.call('getLabel', { labelId });
    expect(detail.filePath).not.toBeNull();
    expect(detail.format).toBe('pdf');
    await harness.close();
  });
});
