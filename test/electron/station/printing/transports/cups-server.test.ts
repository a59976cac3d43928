/**
 * A real CUPS scheduler (private cupsd on 127.0.0.1) with a raw queue that delivers to a loopback
 * capture printer: what `cups:QUEUE` does on a packing station running Linux or macOS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrintError } from '../../../../../electron/station/printing/print-error';
import { sendToPrinter } from '../../../../../electron/station/printing/transports/send';
import { discoverPrinters } from '../../../../../electron/station/printing/discovery/discovery';
import { renderForPrinter } from '../../../../../electron/station/printing/render/render';
import { testLabelBarcodeValue, testLabelZpl } from '../../../../../electron/station/printing/languages/test-label';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { startCupsServer, type CupsServer } from '../../../../support/cups-server';
import { makeLabelPdf, SAMPLE_TRACKING_PDF } from '../../../../support/sample-labels';
import { decodeZplBarcodes } from '../../../../support/zpl-barcode';

const QUEUE = 'Station_Zebra';

async function failure(promise: Promise<unknown>): Promise<PrintError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a failure, got success ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(PrintError);
  return outcome.error as PrintError;
}

describe('printing through a real CUPS queue', () => {
  let cups: CupsServer;
  let printer: CapturePrinter;

  beforeAll(async () => {
    printer = await startCapturePrinter();
    // Fails (never skips) with the reason when cupsd cannot run here.
    cups = await startCupsServer();
    await cups.addRawQueue(QUEUE, `socket://127.0.0.1:${printer.port}`);
  }, 30_000);

  afterAll(async () => {
    await cups?.stop();
    await printer?.close();
  });

  it('delivers a shipping label rendered to ZPL byte-identical, and its tracking barcode decodes', async () => {
    const { payload } = await renderForPrinter(await makeLabelPdf(SAMPLE_TRACKING_PDF), { dpi: 203 });
    const before = printer.jobs.length;
    const sent = await sendToPrinter(`cups:${QUEUE}`, payload, { cupsServer: cups.server });
    expect(sent).toEqual({ bytes: payload.length, jobId: expect.stringMatching(new RegExp(`^${QUEUE}-\\d+$`)) });
    const jobs = await printer.waitForJobs(before + 1, 15_000);
    expect(jobs[before]!.equals(payload)).toBe(true);
    expect(await decodeZplBarcodes(jobs[before]!)).toEqual([SAMPLE_TRACKING_PDF]);
  }, 30_000);

  it('delivers the ZPL test label byte-identical, and its barcode decodes', async () => {
    const now = new Date('2025-01-31T12:00:00Z');
    const zpl = Buffer.from(testLabelZpl({ dpi: 203, now }), 'ascii');
    const before = printer.jobs.length;
    const sent = await sendToPrinter(`cups:${QUEUE}`, zpl, { cupsServer: cups.server });
    expect(sent.bytes).toBe(zpl.length);
    expect(sent.jobId).toMatch(new RegExp(`^${QUEUE}-\\d+$`));

    const jobs = await printer.waitForJobs(before + 1, 15_000).catch((e: Error) => {
      throw new Error(`${e.message}\n${cups.errorLog()}`);
    });
    expect(jobs[before]!.equals(zpl)).toBe(true);
    expect(await decodeZplBarcodes(jobs[before]!)).toContain(testLabelBarcodeValue(203, now));
  }, 30_000);

  it('passes binary payloads through untouched (raw: no filter rewrites a byte)', async () => {
    const payload = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff));
    const before = printer.jobs.length;
    await sendToPrinter(`cups:${QUEUE}`, payload, { cupsServer: cups.server });
    const jobs = await printer.waitForJobs(before + 1, 15_000);
    expect(jobs[before]!.equals(payload)).toBe(true);
  }, 30_000);

  it('words an unknown queue for the worker', async () => {
    const error = await failure(sendToPrinter('cups:No_Such_Queue', Buffer.from('^XA^XZ'), { cupsServer: cups.server }));
    expect(error.code).toBe('printer_not_found');
    expect(error.message).toBe('CUPS has no printer named No_Such_Queue: check Settings.');
    expect(error.nextStep).toMatch(/Settings/);
  });

  it('says CUPS is not running when the scheduler cannot be reached', async () => {
    // Nothing listens on port 1: like a station whose CUPS service is stopped.
    const error = await failure(sendToPrinter(`cups:${QUEUE}`, Buffer.from('^XA^XZ'), { cupsServer: '127.0.0.1:1', timeoutMs: 10_000 }));
    expect(error.code).toBe('printer_unreachable');
    expect(error.message).toMatch(/CUPS\) is not running/);
  }, 20_000);

  it('lists the private queue among the printers found on this computer', async () => {
    const found = await discoverPrinters({ cupsServer: cups.server, devRoot: '/nonexistent-dev' });
    expect(found).toContainEqual({ address: `cups:${QUEUE}`, name: QUEUE, kind: 'cups', detail: `socket://127.0.0.1:${printer.port}` });
  });
});
