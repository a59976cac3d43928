/**
 * The defects of issue 9, each as a warehouse met it: two stations, a lost data folder, a provider
 * that creates the label 5 s or 40 s after the station gave up on its answer, a station killed
 * while a late label was still coming. Whatever happens: one label at the provider, in the history,
 * printed once as a first print.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeStores, type StationCore } from '../../../../electron/station';
import { createSignedInCore } from '../../../support/signed-in-core';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { bundleScanInChild, killWhen, startScanInChild } from '../../../support/child-station';
import { expectOutcome } from '../../../support/expect-outcome';
import { startStation, type Harness, type HarnessOptions } from '../../../support/station-harness';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { waitFor } from '../../../support/wait-for';

const API_KEY = 'asat_never_twice_key_0123456789';
const ORDER = '577100000000000777';
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
const cleanups: Array<() => Promise<void> | void> = [];
/** Set for the tests that run on a fleet's PostgreSQL as well as on the station's SQLite. */
let databaseUrl: string | undefined;

beforeEach(async () => {
  databaseUrl = undefined;
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat: 'zpl' });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await aftership.close();
  await printer.close();
});

const env = () => ({
  LABEL_STATION_PROVIDER: 'aftership',
  AFTERSHIP_API_KEY: API_KEY,
  AFTERSHIP_BASE_URL: aftership.baseUrl,
  LABEL_STATION_PRINTER: printer.address,
  ...(databaseUrl && { LABEL_STATION_DATABASE_URL: databaseUrl }),
});
async function station(options: HarnessOptions = {}, name = 'Packing 1'): Promise<Harness> {
  const harness = await startStation({ ...env(), LABEL_STATION_NAME: name }, options);
  cleanups.push(() => harness.close());
  return harness;
}
const creates = () => aftership.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'));
const lookups = () => aftership.requests.filter((r) => r.method === 'GET' && /\/labels\?/.test(r.path));

describe('never twice across stations', () => {
  it('a second station scanning the same order adopts the label the first bought, and buys nothing', async () => {
    const a = await station({}, 'Packing 1');
    const b = await station({}, 'Packing 2');
    const first = await a.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'printed');

    const second = await b.call('submitScan', { scan: ORDER });
    expectOutcome(second, 'printed');
    expect(second.warning).toMatch(/already had a label for this order; it was adopted and nothing was bought again/);
    expect(second.label.trackingNumbers).toEqual(first.label.trackingNumbers);
    expect(aftership.createdFor(ORDER)).toHaveLength(1);
    const jobs = await printer.waitForJobs(2, 5000);
    expect(await decodeZplBarcodes(jobs[1]!)).toContain(first.label.trackingNumbers[0]);
  });

  it('a station whose data folder was lost finds the label at the provider instead of buying a second', async () => {
    const before = await station();
    expectOutcome(await before.call('submitScan', { scan: ORDER }), 'printed');
    await before.close();
    cleanups.pop();

    const reinstalled = await station(); // a new, empty data folder
    const again = await reinstalled.call('submitScan', { scan: ORDER });
    expectOutcome(again, 'printed');
    expect(aftership.createdFor(ORDER)).toHaveLength(1);
    expect((await reinstalled.call('searchHistory', { query: ORDER })).labels).toHaveLength(1);
  });

  it('the reference names the order, parcel set and generation, never the station', async () => {
    const a = await station({}, 'Packing 1');
    expectOutcome(await a.call('submitScan', { scan: ORDER }), 'printed');
    expect((creates()[0]!.body as { references: string[] }).references).toEqual([`ls-${ORDER}-1of1-g1`]);
    expect(new URL(lookups()[0]!.path, 'http://x').searchParams.get('s')).toBe(`ls-${ORDER}-1of1-g1`);
  });
});

// The same promises on a fleet's shared PostgreSQL as on the station's own SQLite.
describe.each([
  ['on the station’s SQLite', false],
  ['on a fleet’s PostgreSQL', true],
])('%s', (_name, fleet) => {
  beforeEach(async () => {
    if (fleet) databaseUrl = await freshPostgresDatabase('never_twice');
  });

  describe('no conclusion before the provider could still answer', () => {
    it('a label created 5 s after the answer was lost is adopted and printed here; the order is not bought again', async () => {
      const s = await station({ providerTimeoutMs: 1000, labelChecks: { windowMs: 8000, everyMs: 250 } });
      aftership.failNext({ type: 'late-create', delayMs: 5000 }, 1, 'create');
      const first = await s.call('submitScan', { scan: ORDER });
      expectOutcome(first, 'failed', 'label_checking');
      expect(first.problem.nextStep).toMatch(/Set this parcel aside/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expectOutcome(await s.call('submitScan', { scan: ORDER }), 'failed', 'label_checking'); // rescanned meanwhile: nothing bought

      const [job] = await printer.waitForJobs(1, 10_000);
      expect(aftership.createdFor(ORDER)).toHaveLength(1);
      expect(await decodeZplBarcodes(job!)).toContain(aftership.created[0]!.trackingNumbers[0]);
      expect(creates()).toHaveLength(1);
      await waitFor(async () => (await s.call('getLabel', { labelId: first.label!.id })).status === 'printed', 5000);
      const detail = await s.call('getLabel', { labelId: first.label!.id });
      expect(detail).toMatchObject({ status: 'printed', printCount: 1 });
      expect(detail.printAttempts.map((a) => a.reprint)).toEqual([false]);
    }, 20_000);

    it('a label created 40 s late (released after a dozen "none" answers) is adopted, never bought again', async () => {
      const s = await station({ providerTimeoutMs: 1000, labelChecks: { windowMs: 120_000, everyMs: 100 } });
      aftership.failNext({ type: 'late-create', answer: 'hang' }, 1, 'create');
      expectOutcome(await s.call('submitScan', { scan: ORDER }), 'failed', 'label_checking');
      await waitFor(() => lookups().length >= 12, 10_000); // the provider keeps saying "none"
      expectOutcome(await s.call('submitScan', { scan: ORDER }), 'failed', 'label_checking');
      expect(creates()).toHaveLength(1);

      aftership.releaseLate();
      await printer.waitForJobs(1, 5000);
      expect(aftership.createdFor(ORDER)).toHaveLength(1);
      expect(creates()).toHaveLength(1);
    }, 20_000);
  });

  describe('a station killed while a late label was coming', () => {
    it('adopts the label at restart and the next scan prints it as a first print, not a reprint', async () => {
      const bundle = await bundleScanInChild();
      cleanups.push(bundle.remove);
      const temp = makeTempDir();
      cleanups.push(temp.remove);
      aftership.failNext({ type: 'late-create', answer: 'hang' }, 1, 'create');
      const child = startScanInChild(bundle.script, temp.dir, ORDER, {
        ...env(),
        TEST_PROVIDER_TIMEOUT_MS: '10000',
        TEST_CHECK_WINDOW_MS: '60000',
      });
      await killWhen(child, () => creates().length === 1); // kill -9 while the create hangs
      expect(aftership.createdFor(ORDER)).toHaveLength(0);

      const core = await openCore(temp.dir);
      cleanups.push(() => core.close());
      await core.reconciled;
      const [interrupted] = (await core.handlers.searchHistory({ query: ORDER, filter: 'all', limit: 5, offset: 0 })).labels;
      expect(interrupted).toMatchObject({ status: 'checking' });

      aftership.releaseLate(); // the label appears
      await waitFor(async () => (await core.handlers.listUnprintedLabels({})).length === 1, 5000);
      expect(printer.jobs).toHaveLength(0); // nobody holds the parcel at this station: listed, not printed by itself

      const scanned = await core.handlers.submitScan({ scan: ORDER });
      expectOutcome(scanned, 'printed');
      expect(scanned.warning).toMatch(/bought earlier but never printed; it is printed now \(not a reprint\)/);
      expect((await core.handlers.getLabel({ labelId: scanned.label.id })).printAttempts.map((a) => a.reprint)).toEqual([false]);
      expect(await core.handlers.listUnprintedLabels({})).toEqual([]);
      expect(creates()).toHaveLength(1);
    }, 30_000);

    function openCore(dataDir: string): Promise<StationCore> {
      return createSignedInCore({
        dataDir,
        shell: 'web',
        ...createNodeStores(dataDir),
        env: env(),
        providerTimeoutMs: 1000,
        labelChecks: { windowMs: 60_000, everyMs: 100 },
      });
    }
  });

  describe('bought but never printed', () => {
    it('is listed on the Scan screen and printed with one call, once', async () => {
      const s = await station({ providerTimeoutMs: 1000, labelChecks: { windowMs: 60_000, everyMs: 100 } });
      aftership.failNext({ type: 'late-create', answer: 'hang' }, 1, 'create');
      const first = await s.call('submitScan', { scan: ORDER });
      expectOutcome(first, 'failed', 'label_checking');
      await s.restart(); // the station that held the parcel restarts: the label is no longer printed by itself
      aftership.releaseLate();
      await waitFor(async () => (await s.call('listUnprintedLabels', {})).length === 1, 5000);
      const [unprinted] = await s.call('listUnprintedLabels', {});
      expect(unprinted).toMatchObject({ id: first.label!.id, status: 'bought', station: 'Packing 1' });

      const printed = await s.call('printLabel', { labelId: unprinted!.id });
      expect(printed.ok).toBe(true);
      await printer.waitForJobs(1, 5000);
      await expect(s.call('printLabel', { labelId: unprinted!.id })).rejects.toMatchObject({ code: 'already_printed' });
      expect(await s.call('listUnprintedLabels', {})).toEqual([]);
    }, 20_000);
  });
});
