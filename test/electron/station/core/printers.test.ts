/**
 * The station on the printers warehouses have: each language's output from a real scan decodes to
 * the tracking number; the label format asked of the provider follows the printer; a CUPS queue
 * prints; the printer's own status is reported, and silence is a fault.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startCupsServer } from '../../../support/cups-server';
import { decodeDotsBarcodes, decodeEpl, decodeEscPos, decodeTspl } from '../../../support/raster-decoders';
import { startStation, type Harness } from '../../../support/station-harness';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { expectOutcome } from '../../../support/expect-outcome';

const ORDER = '576477431806268482';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stationWith(env: Record<string, string>): Promise<Harness> {
  const station = await startStation(env);
  cleanups.push(() => station.close());
  return station;
}

/** A Zebra-like raw-port printer: keeps each job and answers ~HS "ready". */
async function capture() {
  const printer = await startZebraStatusPrinter();
  cleanups.push(() => printer.close());
  return printer;
}

describe('a scanned label in every printer language', () => {
  const decoders = {
    epl: (job: Buffer) => decodeDotsBarcodes(decodeEpl(job)),
    tspl: (job: Buffer) => decodeDotsBarcodes(decodeTspl(job, 203)),
    escpos: (job: Buffer) => decodeDotsBarcodes(decodeEscPos(job)),
  } as const;

  for (const [language, decode] of Object.entries(decoders)) {
    it(`${language}: the printed bitmap scans as the tracking number`, async () => {
      const printer = await capture();
      // The fake answers Zebra's ~HS only: an ESC/POS printer's status check is switched off here.
      const station = await stationWith({
        LABEL_STATION_PRINTER: printer.address,
        LABEL_STATION_PRINTER_LANGUAGE: language,
        LABEL_STATION_MEDIA: '4x6',
        ...(language === 'escpos' && { LABEL_STATION_PRINTER_STATUS_CHECK: 'off' }),
      });
      const result = await station.call('submitScan', { scan: ORDER });
      expectOutcome(result, 'printed');
      const [job] = await printer.waitForJobs(1, 10_000);
      expect(await decode(job!)).toContain(result.label.trackingNumbers[0]);
      const test = await station.call('testPrint', {});
      expect(test.ok).toBe(true);
      const jobs = await printer.waitForJobs(2, 10_000);
      expect(await decode(jobs[1]!)).toContain('TESTPRINT0001');
    });
  }

  it('pdf: a PDF label goes to a laser/A4 queue untouched', async () => {
    const printer = await capture();
    const station = await stationWith({ LABEL_STATION_PRINTER: printer.address, LABEL_STATION_PRINTER_LANGUAGE: 'pdf' });
    const result = await station.call('submitScan', { scan: ORDER });
    expect(result.outcome).toBe('printed');
    const [job] = await printer.waitForJobs(1, 10_000);
    expect(job!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('the label format asked of the provider follows the printer', () => {
  const apiKey = 'asat_printer_format_key_01';
  for (const [printerEnv, expected] of [
    [{ LABEL_STATION_PRINTER_DPI: '203', LABEL_STATION_PRINTER_LANGUAGE: 'zpl' }, 'zpl'],
    [{ LABEL_STATION_PRINTER_DPI: '300', LABEL_STATION_PRINTER_LANGUAGE: 'zpl' }, 'pdf'],
    [{ LABEL_STATION_PRINTER_DPI: '203', LABEL_STATION_PRINTER_LANGUAGE: 'tspl' }, 'pdf'],
  ] as const) {
    it(`${printerEnv.LABEL_STATION_PRINTER_LANGUAGE} at ${printerEnv.LABEL_STATION_PRINTER_DPI} dpi asks for ${expected}, and the label scans`, async () => {
      const printer = await capture();
      const aftership = await startFakeAfterShip({ apiKey });
      aftership.setLabelFormat('as-requested');
      cleanups.push(() => aftership.close());
      const station = await stationWith({
        LABEL_STATION_PROVIDER: 'aftership',
        AFTERSHIP_API_KEY: apiKey,
        AFTERSHIP_BASE_URL: aftership.baseUrl,
        LABEL_STATION_PRINTER: printer.address,
        ...printerEnv,
      });
      const result = await station.call('submitScan', { scan: ORDER });
      expect(result.outcome).toBe('printed');
      expect((aftership.requests.find((r) => r.method === 'POST')!.body as { file_type: string }).file_type).toBe(expected);
      const [job] = await printer.waitForJobs(1, 10_000);
      const tracking = result.outcome === 'printed' ? result.label.trackingNumbers[0] : '';
      const decoded =
        printerEnv.LABEL_STATION_PRINTER_LANGUAGE === 'tspl'
          ? await decodeDotsBarcodes(decodeTspl(job!, 203))
          : await decodeZplBarcodes(job!, { dpi: Number(printerEnv.LABEL_STATION_PRINTER_DPI) as 203 | 300 });
      expect(decoded).toContain(tracking);
    });
  }
});

describe('printer status', () => {
  it('reports ready, paper out and a printer that does not answer (a fault, never "ready")', async () => {
    const zebra = await startZebraStatusPrinter();
    cleanups.push(() => zebra.close());
    const station = await stationWith({ LABEL_STATION_PRINTER: zebra.address });
    expect(await station.call('getPrinterStatus', {})).toMatchObject({ state: 'ready' });
    zebra.setState('paper_out');
    const out = await station.call('getPrinterStatus', {});
    expect(out).toMatchObject({ state: 'fault' });
    expect(out.faults).toContain('paper_out');
    expect(out.message).toMatch(/out of labels/i);
    zebra.setAnswers(false);
    const silent = await station.call('getPrinterStatus', {});
    expect(silent).toMatchObject({ state: 'fault' });
    expect(silent.faults).toContain('no_answer');
  });

  it('says when a printer cannot be asked', async () => {
    const station = await stationWith({ LABEL_STATION_PRINTER: '/dev/usb/lp0' });
    expect(await station.call('getPrinterStatus', {})).toMatchObject({ state: 'unsupported' });
    expect(Array.isArray(await station.call('discoverPrinters', {}))).toBe(true);
  });
});

describe('an OS print queue', () => {
  const previous = process.env.CUPS_SERVER;
  afterAll(() => {
    if (previous === undefined) delete process.env.CUPS_SERVER;
    else process.env.CUPS_SERVER = previous;
  });

  it('prints a scanned label through a real CUPS queue, and lists the queue for Settings', async () => {
    const printer = await capture();
    const cups = await startCupsServer();
    cleanups.push(() => cups.stop());
    await cups.addRawQueue('PackBench', `socket://127.0.0.1:${printer.port}`);
    process.env.CUPS_SERVER = cups.server;
    const station = await stationWith({ LABEL_STATION_PRINTER: 'cups:PackBench' });
    const result = await station.call('submitScan', { scan: ORDER });
    expect(result.outcome).toBe('printed');
    const [job] = await printer.waitForJobs(1, 20_000);
    expect(await decodeZplBarcodes(job!)).toContain(result.outcome === 'printed' ? result.label.trackingNumbers[0] : '');
    const found = await station.call('discoverPrinters', {});
    expect(found).toContainEqual(expect.objectContaining({ address: 'cups:PackBench', kind: 'cups' }));
  }, 60_000);
});
