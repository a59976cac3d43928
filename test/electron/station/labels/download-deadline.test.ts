/**
 * Issue 13: a slow label file no longer blocks the scan. The scan waits one overall deadline
 * (Settings, 20 s by default), then answers "bought, file pending"; the download goes on and the
 * label prints by itself when it arrives. A reprint meanwhile waits for that same download. Failure
 * messages say each thing once, and advise a reprint only where one can work.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadProblem } from '../../../../electron/station/labels/first-print';
import { labelDownloadError, labelFileUnusable } from '../../../../electron/station/providers/http/label-download';
import { ProviderError } from '../../../../electron/station/providers';
import { startFakeAfterShip, type FakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { expectOutcome } from '../../../support/expect-outcome';
import { startStation, type Harness } from '../../../support/station-harness';

const KEY = 'asat_download_deadline_key_0123';
let aftership: FakeAfterShip;
let printer: ZebraStatusPrinter;
let station: Harness;

beforeEach(async () => {
  aftership = await startFakeAfterShip({ apiKey: KEY });
  printer = await startZebraStatusPrinter();
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
});
afterEach(async () => {
  await station.close();
  await printer.close();
  await aftership.close();
});

const fileRequests = () => aftership.requests.filter((r) => r.path.includes('/files/')).length;

async function labelOf(orderId: string) {
  const { labels } = await station.call('searchHistory', { query: orderId, filter: 'all', limit: 5, offset: 0 });
  expect(labels).toHaveLength(1);
  return labels[0]!;
}

async function until(predicate: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('label file download deadline', () => {
  it('answers "bought, file pending" at the deadline, then prints the label by itself when the file arrives', async () => {
    const order = '577100000000000501';
    await station.call('updateSettings', { labelDownload: { deadlineSeconds: 1 } });
    aftership.failNext('hang', 1, 'files'); // the first try hangs until the provider's time limit
    const scan = await station.call('submitScan', { scan: order });
    expectOutcome(scan, 'print_failed', 'label_file_pending');
    expect(scan.problem.message).toBe(
      `Label bought and saved for order ${order}; its file is still downloading after 1 s. It prints by itself when the file arrives.`,
    );
    expect(scan.problem.nextStep).toBe('Set the parcel aside or wait: do not scan the order again and do not reprint it.');
    expect(printer.jobs).toHaveLength(0);

    await printer.waitForJobs(1, 15_000);
    await until(async () => (await labelOf(order)).status === 'printed');
    expect(await labelOf(order)).toMatchObject({ status: 'printed', printCount: 1 });
    expect(aftership.createdFor(order)).toHaveLength(1);
  });

  it('a reprint while the file is pending waits for the same download, and the label prints once', async () => {
    const order = '577100000000000502';
    await station.call('updateSettings', { labelDownload: { deadlineSeconds: 1 } });
    aftership.failNext('hang', 1, 'files');
    const scan = await station.call('submitScan', { scan: order });
    expectOutcome(scan, 'print_failed', 'label_file_pending');
    const downloadsSoFar = fileRequests();
    await station.call('updateSettings', { labelDownload: { deadlineSeconds: 30 } });
    const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: scan.label.id });
    expect(reprint.ok).toBe(true);
    await printer.waitForJobs(1, 15_000);
    await new Promise((r) => setTimeout(r, 300)); // nothing else comes out
    expect(printer.jobs).toHaveLength(1);
    // The one download went on (its retry after the hang); the reprint started none of its own.
    expect(fileRequests()).toBe(downloadsSoFar + 1);
  });
});

describe('download failure messages', () => {
  it('says each thing once: no "could not be downloaded (… could not be downloaded …)"', () => {
    const refused = downloadProblem(
      labelDownloadError(
        'The label was bought but its file could not be downloaded (HTTP 404).',
        'Try the reprint from History in a minute.',
      ),
    );
    expect(refused.message).toBe('The label was bought but its file could not be downloaded (HTTP 404).');
    const unexpected = downloadProblem(
      new ProviderError(
        'label_download_failed',
        'The label file could not be downloaded (unexpected error).',
        'Reprint the label from History.',
        false,
      ),
    );
    expect(unexpected.message).toBe('The label was bought and saved. The label file could not be downloaded (unexpected error).');
    for (const p of [refused, unexpected]) expect(p.message.match(/could not be downloaded/g)).toHaveLength(1);
  });

  it('advises no reprint where a reprint cannot work (a file far too large, or no web address)', () => {
    const tooLarge = downloadProblem(
      labelFileUnusable(
        'The label file is far too large to be a shipping label.',
        'Tell a supervisor; the label can be downloaded from AfterShip instead.',
      ),
    );
    expect(tooLarge).toEqual({
      code: 'label_file_unusable',
      message: 'The label was bought and saved, but its file could not be fetched: the label file is far too large to be a shipping label.',
      nextStep: 'Tell a supervisor; the label can be downloaded from AfterShip instead. Do not scan the order again.',
    });
    expect(tooLarge.nextStep).not.toMatch(/reprint/i);
  });
});
