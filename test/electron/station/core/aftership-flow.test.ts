import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { startStation, type Harness } from '../../../support/station-harness';
import { expectOutcome } from '../../../support/expect-outcome';
import { waitFor } from '../../../support/wait-for';

const API_KEY = 'asat_station_test_key_0123456789';
const ORDER = '577100000000000042';
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
let station: Harness;

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY });
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
});
afterEach(async () => {
  await station.close();
  await aftership.close();
  await printer.close();
});

const labelsBoughtFor = (orderId: string) => aftership.created.filter((label) => label.orderId === orderId).length;

describe('scan -> AfterShip -> print, never buying twice', () => {
  it('buys one label with the key and the idempotency reference, prints it, and offers a reprint on the next scan', async () => {
    const first = await station.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'printed');
    expect(first.label).toMatchObject({ provider: 'aftership', sandbox: false, status: 'printed' });
    const create = aftership.requests.find((r) => r.method === 'POST')!;
    expect(create.headers['as-api-key']).toBe(API_KEY);
    expect(create.body).toMatchObject({ order_id: ORDER, service_type: 'tiktok-shipping_standard_shipping' });
    expect(JSON.stringify((create.body as { references: string[] }).references)).toContain(ORDER);
    const [job] = await printer.waitForJobs(1, 5000);
    expect(await decodeZplBarcodes(job!)).toContain(first.label.trackingNumbers[0]);

    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('already_labelled');
    expect(labelsBoughtFor(ORDER)).toBe(1);
  });

  it('reprints from the cached file when the provider is unreachable', async () => {
    const first = await station.call('submitScan', { scan: ORDER });
    if (first.outcome !== 'printed') throw new Error(first.outcome);
    await aftership.close();
    expect((await station.call('reprintLabel', { reason: 'Label damaged', labelId: first.label.id })).ok).toBe(true);
    const jobs = await printer.waitForJobs(2, 5000);
    expect(jobs[1]!.equals(jobs[0]!)).toBe(true);
    expect((await station.call('getLabelPreview', { labelId: first.label.id })).widthDots).toBe(812);
  });

  it('adopts the label AfterShip created when the answer was lost, instead of buying again', async () => {
    aftership.failNext('reset-after-create');
    const first = await station.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'printed');
    expect(first.label.providerLabelId).toBe(aftership.created[0]!.id);
    expect(labelsBoughtFor(ORDER)).toBe(1);
    const [job] = await printer.waitForJobs(1, 5000);
    expect(await decodeZplBarcodes(job!)).toContain(first.label.trackingNumbers[0]);
    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('already_labelled');
  });

  it('keeps a purchase without an answer "checking" while AfterShip cannot say, and prints its label here once it can', async () => {
    aftership.failNext('reset-after-create', 1, 'create');
    aftership.failNext('pass', 1, 'lookup'); // asked before buying: no label yet
    aftership.failNext('server-error', 1000, 'lookup'); // every later lookup fails for now
    const first = await station.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'failed', 'label_checking');
    expect(first.problem.nextStep).toMatch(/Set this parcel aside/);
    expect(first.label?.status).toBe('checking');
    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('failed'); // still checking: nothing bought
    expect(printer.jobs).toHaveLength(0);

    aftership.clearFaults(); // the background check finds the label and prints it at this station
    const [job] = await printer.waitForJobs(1, 5000);
    expect(await decodeZplBarcodes(job!)).toContain(aftership.created[0]!.trackingNumbers[0]);
    await waitFor(async () => (await station.call('getLabel', { labelId: first.label!.id })).status === 'printed');
    expect(labelsBoughtFor(ORDER)).toBe(1);
    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('already_labelled');
  });

  it('a supervisor can settle an uncertain label as "no label exists", which allows buying again under a new reference', async () => {
    aftership.failNext('hang', 1, 'create');
    aftership.failNext('pass', 1, 'lookup');
    aftership.failNext('server-error', 1000, 'lookup');
    const first = await station.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'failed', 'label_checking');
    const labelId = first.label!.id;
    aftership.clearFaults();
    const settled = await station.call('resolveUncertainLabel', { labelId, decision: 'confirm_no_label' });
    expect(settled.status).toBe('failed');
    expect(settled.error).toMatch(/confirmed no label exists/);
    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('printed');
    expect(labelsBoughtFor(ORDER)).toBe(1);
    const references = aftership.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { references: string[] }).references);
    expect(references).toEqual([[`ls-${ORDER}-1of1-g1`], [`ls-${ORDER}-1of1-g2`]]);
  });

  it('checks a purchase interrupted by a crash, and buys only once the window has passed and AfterShip said "none" twice', async () => {
    // A window wide enough for a restart on a loaded machine: the rescan below must fall inside it.
    await station.close();
    station = await startStation(
      {
        LABEL_STATION_PROVIDER: 'aftership',
        AFTERSHIP_API_KEY: API_KEY,
        AFTERSHIP_BASE_URL: aftership.baseUrl,
        LABEL_STATION_PRINTER: printer.address,
      },
      { labelChecks: { windowMs: 6000, everyMs: 100 } },
    );
    aftership.failNext('hang', 1, 'create');
    const scan = station.call('submitScan', { scan: ORDER });
    await waitFor(() => aftership.requests.some((r) => r.method === 'POST'));
    await station.restart(); // the station "crashes" while AfterShip has not answered
    void scan.catch(() => undefined);
    await station.core.reconciled;
    const [interrupted] = (await station.call('searchHistory', { query: ORDER })).labels;
    expect(interrupted).toMatchObject({ status: 'checking' });
    expectOutcome(await station.call('submitScan', { scan: ORDER }), 'failed', 'label_checking');

    await waitFor(async () => (await station.call('getLabel', { labelId: interrupted!.id })).status === 'failed', 20_000);
    expect((await station.call('getLabel', { labelId: interrupted!.id })).error).toMatch(/confirmed after the checking window/);
    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('printed');
    expect(labelsBoughtFor(ORDER)).toBe(1);
  });

  it('lets the packer retry after a definite refusal, and explains a business error in plain words', async () => {
    aftership.failNext({ type: 'business', code: 4153, message: 'Order not found' }, 1, 'create');
    const refused = await station.call('submitScan', { scan: ORDER });
    expect(refused).toMatchObject({ outcome: 'failed', problem: { code: 'aftership_order_not_found' } });
    expect(refused.outcome === 'failed' && refused.label?.status).toBe('failed');

    const retry = await station.call('submitScan', { scan: ORDER });
    expect(retry.outcome).toBe('printed');
    expect(labelsBoughtFor(ORDER)).toBe(1);
  });

  it('points to the API key and the TikTok shop connection on 401, and never leaks the key', async () => {
    aftership.failNext('unauthorized');
    const result = await station.call('submitScan', { scan: ORDER });
    expectOutcome(result, 'failed');
    expect(`${result.problem.message} ${result.problem.nextStep}`).toMatch(/API key/);
    expect(result.problem.nextStep).toMatch(/TikTok shop is connected to AfterShip/i);

    const everythingVisible = JSON.stringify([
      result,
      await station.call('searchHistory', { query: '' }),
      await station.call('getSettings', {}),
      station.logs,
    ]);
    expect(everythingVisible).not.toContain(API_KEY);
    for (const file of readdirSync(station.dataDir)) {
      const full = path.join(station.dataDir, file);
      if (file.endsWith('.sqlite')) expect(readFileSync(full).includes(API_KEY)).toBe(false);
    }
  });
});
