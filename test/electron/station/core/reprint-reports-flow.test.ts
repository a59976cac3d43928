/**
 * Reprints with a reason, a selection reprinted, History exported to CSV and the day's summary, on
 * the real station core (sandbox provider, a loopback Zebra), as the screens and a WMS call them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import type { Harness } from '../../../support/station-harness';
import { startZebraStation, type ZebraStation } from '../../../support/zebra-station';
import { expectOutcome } from '../../../support/expect-outcome';
import { TEST_SUPERVISOR } from '../../../support/signed-in-core';
import { EXPORT_COLUMNS } from '../../../../shared/domain/reports';
import type { LabelRecord } from '../../../../shared/domain/labels';

const ORDERS = ['576477431806260001', '576477431806260002', '576477431806260003'];
let zebraStation: ZebraStation;
let printer: ZebraStation['printer'];
let station: Harness;

beforeEach(async () => {
  zebraStation = await startZebraStation();
  ({ station, printer } = zebraStation);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await zebraStation.close();
});

async function scanAll(): Promise<LabelRecord[]> {
  const labels: LabelRecord[] = [];
  for (const order of ORDERS) {
    const outcome = await station.call('submitScan', { scan: order });
    expectOutcome(outcome, 'printed');
    labels.push(outcome.label);
  }
  await printer.waitForJobs(ORDERS.length, 5000);
  return labels;
}

function today(): string {
  const now = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

describe('reprint with a reason', () => {
  it('keeps the reason on the reprint’s print attempt; the first print has none', async () => {
    const [label] = await scanAll();
    const reprint = await station.call('reprintLabel', { labelId: label!.id, reason: '  Printer jammed ' });
    expect(reprint.ok).toBe(true);
    const detail = await station.call('getLabel', { labelId: label!.id });
    // Newest first: the reprint, then the first print.
    expect(detail.printAttempts.map((a) => [a.reprint, a.reason, a.operator])).toEqual([
      [true, 'Printer jammed', TEST_SUPERVISOR.name],
      [false, null, TEST_SUPERVISOR.name],
    ]);
  });

  it('refuses a reason too short to say anything, in words a packer can act on', async () => {
    const [label] = await scanAll();
    await expect(station.call('reprintLabel', { labelId: label!.id, reason: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Say why the label is printed again/),
    });
  });

  it('reprints a selection in the order given, reports each label, and goes on past one that cannot print', async () => {
    const labels = await scanAll();
    const before = printer.jobs.length;
    const results = await station.call('reprintLabels', {
      labelIds: [labels[2]!.id, 'no-such-label', labels[0]!.id],
      reason: 'Label damaged',
    });
    expect(results.map((r) => [r.labelId, r.outcome?.ok ?? null, r.problem?.code ?? null])).toEqual([
      [labels[2]!.id, true, null],
      ['no-such-label', null, 'label_not_found'],
      [labels[0]!.id, true, null],
    ]);
    const jobs = await printer.waitForJobs(before + 2, 5000);
    // Printed in the order of the selection: the third order's label, then the first's.
    expect(await decodeZplBarcodes(jobs[before]!)).toContain(labels[2]!.trackingNumbers[0]);
    expect(await decodeZplBarcodes(jobs[before + 1]!)).toContain(labels[0]!.trackingNumbers[0]);
    const attempts = (await station.call('getLabel', { labelId: labels[2]!.id })).printAttempts;
    expect(attempts[0]).toMatchObject({ reprint: true, ok: true, reason: 'Label damaged' });
  });

  it('refuses more than 100 labels, or a selection without a reason', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `label-${i}`);
    await expect(station.call('reprintLabels', { labelIds: many, reason: 'Label damaged' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/at most 100 labels/),
    });
    await expect(station.call('reprintLabels', { labelIds: ['a'], reason: '' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('needs somebody signed in, like a single reprint', async () => {
    const labels = await scanAll();
    await station.call('signOut', {});
    await expect(station.call('reprintLabels', { labelIds: [labels[0]!.id], reason: 'Label damaged' })).rejects.toMatchObject({
      code: 'sign_in_required',
    });
    await expect(station.call('exportHistory', {})).rejects.toMatchObject({ code: 'sign_in_required' });
  });
});

describe('export and summary', () => {
  it('exports the filtered labels to a CSV file that reads back with the same figures', async () => {
    const labels = await scanAll();
    await station.call('reprintLabel', { labelId: labels[1]!.id, reason: 'Wrong printer' });

    const all = await station.call('exportHistory', {});
    expect(all.rows).toBe(3);
    expect(path.dirname(all.path)).toBe(path.join(station.dataDir, 'exports'));
    const text = readFileSync(all.path, 'utf8');
    const rows = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    // Newest first, like History.
    expect(rows.map((r) => r.order)).toEqual([...ORDERS].reverse());
    const second = rows.find((r) => r.order === ORDERS[1])!;
    expect(second).toMatchObject({
      tracking_numbers: labels[1]!.trackingNumbers.join(' '),
      provider: 'sandbox',
      status: 'printed',
      operator: TEST_SUPERVISOR.name,
      prints: '2',
      reprints: '1',
    });

    const one = await station.call('exportHistory', { query: ORDERS[2]! });
    expect(one.rows).toBe(1);
    expect(one.path).not.toBe(all.path);
    expect((parse(readFileSync(one.path, 'utf8'), { columns: true, bom: true }) as unknown[]).length).toBe(1);
  });

  it('counts today the way the history has it, and prints the summary only on an A4 (PDF) printer', async () => {
    const labels = await scanAll();
    await station.call('reprintLabel', { labelId: labels[0]!.id, reason: 'Printer jammed' });
    await station.call('reprintLabels', { labelIds: [labels[0]!.id, labels[1]!.id], reason: 'Label damaged' });

    const summary = await station.call('getDaySummary', { date: today() });
    expect(summary).toMatchObject({ labels: 3, boxes: 3, reprints: 3, purchaseFailures: 0, printFailures: 0, uncertain: 0 });
    expect(summary.hours).toHaveLength(24);
    expect(summary.hours.reduce((n, h) => n + h.labels, 0)).toBe(3);
    expect(summary.operators).toEqual([expect.objectContaining({ operator: TEST_SUPERVISOR.name, labels: 3, reprints: 3 })]);
    // Every print attempt names the station that printed it: a fleet's summary counts per station.
    const detail = await station.call('getLabel', { labelId: labels[0]!.id });
    expect(detail.station).not.toBe('');
    expect(new Set(detail.printAttempts.map((a) => a.station))).toEqual(new Set([detail.station]));
    expect(summary.stations).toEqual([expect.objectContaining({ station: detail.station, labels: 3, reprints: 3 })]);
    expect(summary.reprintReasons).toEqual([
      { reason: 'Label damaged', reprints: 2 },
      { reason: 'Printer jammed', reprints: 1 },
    ]);

    // The A4 printer is a capture file here (a test-only printer kind).
    vi.stubEnv('LABEL_STATION_FILE_PRINTER', '1');
    const a4File = path.join(station.dataDir, 'office-printer.out');
    const current = await station.call('getSettings', {});
    await station.call('updateSettings', {
      printers: {
        defaultId: current.printers.defaultId,
        list: [
          ...current.printers.list,
          { id: 'office', name: 'Office A4', address: `file:${a4File}`, dpi: 600, language: 'pdf', media: '4x6', statusCheck: false },
        ],
      },
    });
    const printed = await station.call('printDaySummary', { date: today(), printerId: 'office' });
    expect(printed).toMatchObject({ ok: true, printer: `file:${a4File}` });
    expect(readFileSync(a4File).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(station.call('printDaySummary', { date: today(), printerId: current.printers.defaultId })).rejects.toMatchObject({
      code: 'summary_printer_unsuitable',
    });
    await expect(station.call('getDaySummary', { date: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/does not exist/),
    });
  });
});
