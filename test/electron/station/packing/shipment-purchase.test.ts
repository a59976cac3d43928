/**
 * A supervisor's split shipment through the real station core: one label per box, printed in box
 * order, the right items in each box at the provider, never a box twice (retries, rescans, another
 * packing of the same order), and a failed box retried alone.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShipmentBox } from '../../../../shared/domain/shipments';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startFakeShipium } from '../../../fakes/shipium-server';
import { startFakeTikTok } from '../../../fakes/tiktok-server';
import { startStation, type Harness } from '../../../support/station-harness';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';

const ORDER = '576000000000004242';
/** Five units, as TikTok lists them: one line item per unit. */
const ITEMS = [
  { id: 'li-1', sku: 'MUG-RED', name: 'Red mug' },
  { id: 'li-2', sku: 'MUG-RED', name: 'Red mug' },
  { id: 'li-3', sku: 'CUP-BLU', name: 'Blue cup' },
  { id: 'li-4', sku: 'PLATE', name: 'Plate' },
  { id: 'li-5', sku: 'PLATE', name: 'Plate' },
];
const box = (itemIds: string[], pounds = 2): ShipmentBox => ({
  presetId: null,
  dimension: { width: 12, height: 10, depth: 6, unit: 'in' },
  weight: { value: pounds, unit: 'lb' },
  itemIds,
});
const THREE_BOXES = [box(['li-1', 'li-2']), box(['li-3']), box(['li-4', 'li-5'], 4)];

let printer: ZebraStatusPrinter;
let station: Harness | undefined;
const closers: Array<() => Promise<void>> = [];

function writeOrdersFile(dir: string): string {
  const file = path.join(dir, 'orders.csv');
  const rows = ITEMS.map((item) => `#1001,${ORDER},AWAITING_SHIPMENT,${item.id},${item.sku},${item.name},1`);
  writeFileSync(file, ['order_number,tiktok_order_id,status,line_item_id,sku,name,quantity', ...rows].join('\n'));
  return file;
}

async function sandboxStation(): Promise<Harness> {
  const harness = await startStation({ LABEL_STATION_PRINTER: printer.address });
  await harness.call('updateSettings', { ordersFile: writeOrdersFile(harness.dataDir) });
  return harness;
}

/** A station on the loopback AfterShip, knowing the order from a WMS file. */
async function aftershipStation() {
  const aftership = await startFakeAfterShip({ apiKey: 'asat_split_key_0123456789', labelFormat: 'zpl' });
  closers.push(() => aftership.close());
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: 'asat_split_key_0123456789',
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
  await station.call('updateSettings', { ordersFile: writeOrdersFile(station.dataDir) });
  return { aftership, harness: station };
}

const formats = (job: Buffer) => job.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
});
afterEach(async () => {
  await station?.close();
  station = undefined;
  for (const close of closers.splice(0)) await close();
  await printer.close();
});

describe('a split shipment', () => {
  it('buys one label with a box each (sandbox), prints the boxes in order and keeps each box in History', async () => {
    station = await sandboxStation();
    const outcome = await station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(outcome.boxes.map((b) => [b.index, b.count, b.state, b.earlier])).toEqual([
      [1, 3, 'printed', false],
      [2, 3, 'printed', false],
      [3, 3, 'printed', false],
    ]);
    const label = outcome.boxes[0]!.label!;
    expect(label.boxes.map((b) => b.itemIds)).toEqual([['li-1', 'li-2'], ['li-3'], ['li-4', 'li-5']]);
    expect(label.boxes.map((b) => b.trackingNumber)).toEqual(label.trackingNumbers);
    const [job] = await printer.waitForJobs(1);
    const labels = formats(job!);
    expect(labels).toHaveLength(3);
    for (const [index, zpl] of labels.entries()) expect(await decodeZplBarcodes(zpl)).toContain(label.trackingNumbers[index]);

    // Box 2 alone, from History.
    const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: label.id, box: 2 });
    expect(reprint.ok).toBe(true);
    const [, again] = await printer.waitForJobs(2);
    expect(formats(again!)).toHaveLength(1);
    expect(await decodeZplBarcodes(again!)).toContain(label.trackingNumbers[1]);
  });

  it('never buys a box twice: the same plan again, a rescan, and another packing of the order buy nothing', async () => {
    station = await sandboxStation();
    const first = await station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    const again = await station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(again.boxes.map((b) => [b.state, b.earlier, b.label?.id])).toEqual(first.boxes.map((b) => ['printed', true, b.label?.id]));

    const rescan = await station.call('submitScan', { scan: ORDER });
    expect(rescan).toMatchObject({ outcome: 'already_labelled', message: expect.stringContaining('split into 3 boxes') });
    await expect(
      station.call('buyShipment', { orderId: ORDER, boxes: [box(['li-1', 'li-2', 'li-3']), box(['li-4', 'li-5'])] }),
    ).rejects.toMatchObject({
      code: 'order_packed_otherwise',
      message: expect.stringContaining('split into 3 boxes'),
    });
    const history = await station.call('searchHistory', { query: ORDER });
    expect(history.labels.filter((l) => l.status !== 'failed')).toHaveLength(1);
  });

  it('with the packing check on, buys nothing until every line item in the boxes was scanned into them', async () => {
    station = await sandboxStation();
    await station.call('updateSettings', { packing: { checkItems: true } });
    await expect(station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES })).rejects.toMatchObject({
      code: 'shipment_invalid',
      fields: { 'items.li-3': [expect.stringContaining('Blue cup (CUP-BLU) was put in a box without being scanned')] },
    });
    await expect(
      station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES, checkedItemIds: ['li-1', 'li-2', 'li-3', 'li-4'] }),
    ).rejects.toMatchObject({ code: 'shipment_invalid', fields: { 'items.li-5': [expect.stringContaining('without being scanned')] } });
    expect((await station.call('searchHistory', { query: ORDER })).total).toBe(0);

    const outcome = await station.call('buyShipment', {
      orderId: ORDER,
      boxes: THREE_BOXES,
      checkedItemIds: ['li-5', 'li-4', 'li-3', 'li-2', 'li-1'],
    });
    expect(outcome.boxes.map((b) => b.state)).toEqual(['printed', 'printed', 'printed']);
  });

  it('sends a scanned order with more units than one box takes to the splitter, buying nothing', async () => {
    station = await sandboxStation();
    const scanned = await station.call('submitScan', { scan: '#1001' });
    expect(scanned).toMatchObject({ outcome: 'split_needed', order: { orderId: ORDER }, message: expect.stringContaining('5 items') });
    expect((await station.call('searchHistory', { query: ORDER })).total).toBe(0);
    await station.call('updateSettings', { packing: { maxUnitsPerBox: 5 } });
    expect((await station.call('submitScan', { scan: '#1001' })).outcome).toBe('printed');
  });

  it('refuses a split of an order that already has a single label', async () => {
    station = await sandboxStation();
    await station.call('updateSettings', { packing: { maxUnitsPerBox: 10 } });
    expect((await station.call('submitScan', { scan: ORDER })).outcome).toBe('printed');
    await expect(station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES })).rejects.toMatchObject({
      code: 'order_packed_otherwise',
      message: expect.stringContaining('in one parcel'),
    });
  });

  it('checks the plan against the order before anything is bought, naming what causes each problem', async () => {
    station = await sandboxStation();
    const error = (await station
      .call('buyShipment', { orderId: ORDER, boxes: [box(['li-1', 'li-2']), box(['li-2', 'li-3']), box([])] })
      .then(
        () => ({}),
        (e: unknown) => e,
      )) as { code: string; fields: Record<string, string[]> };
    expect(error).toMatchObject({ code: 'shipment_invalid' });
    expect(Object.keys(error.fields).sort()).toEqual(['boxes.2', 'items.li-2', 'items.li-4', 'items.li-5']);
    expect(error.fields['items.li-2']![0]).toContain('in boxes 1 and 2');
    expect((await station.call('searchHistory', { query: ORDER })).total).toBe(0);
  });

  it('AfterShip: one request with every box, each parcel naming its line items', async () => {
    const { aftership, harness } = await aftershipStation();
    const outcome = await harness.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(outcome.boxes.map((b) => b.state)).toEqual(['printed', 'printed', 'printed']);
    expect(aftership.createdFor(ORDER)).toHaveLength(1);
    const create = aftership.requests.find((r) => r.method === 'POST' && r.path.endsWith('/labels'))!;
    const parcels = (create.body as { shipment: { parcels: Array<{ items: Array<{ item_id: string }> }> } }).shipment.parcels;
    expect(parcels.map((p) => p.items.map((i) => i.item_id))).toEqual([['li-1', 'li-2'], ['li-3'], ['li-4', 'li-5']]);
    const [job] = await printer.waitForJobs(1);
    expect(formats(job!)).toHaveLength(3);
  });

  it('AfterShip: a split whose answer is lost waits, set aside, and the label made late is adopted, never bought again', async () => {
    const { aftership, harness } = await aftershipStation();
    aftership.failNext({ type: 'late-create', answer: 'hang' }, 1, 'create');
    const lost = await harness.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(lost.boxes.map((b) => b.state)).toEqual(['checking', 'checking', 'checking']);
    expect(lost.boxes[0]!.problem?.code).toBe('label_checking');

    const meanwhile = await harness.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(meanwhile.boxes.map((b) => b.state)).toEqual(['checking', 'checking', 'checking']);
    aftership.releaseLate();
    const later = await harness.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(later.boxes.map((b) => [b.state, b.earlier])).toEqual([
      ['printed', true],
      ['printed', true],
      ['printed', true],
    ]);
    expect(aftership.createdFor(ORDER)).toHaveLength(1);
  });

  it.each([
    { dpi: 203, asked: 'zpl' },
    { dpi: 300, asked: 'pdf' },
  ] as const)(
    'Shipium: one request with every box, each package naming its TikTok line items; box k prints alone ($asked)',
    async ({ dpi, asked }) => {
      const shipium = await startFakeShipium({ apiKey: 'shipium_split_key_01' });
      closers.push(() => shipium.close());
      station = await startStation({
        LABEL_STATION_PROVIDER: 'shipium',
        SHIPIUM_API_KEY: 'shipium_split_key_01',
        SHIPIUM_BASE_URL: shipium.baseUrl,
        LABEL_STATION_PRINTER: printer.address,
        LABEL_STATION_PRINTER_DPI: String(dpi),
      });
      await station.call('updateSettings', { ordersFile: writeOrdersFile(station.dataDir) });
      const outcome = await station.call('buyShipment', { orderId: ORDER, boxes: [box(['li-1', 'li-2', 'li-3']), box(['li-4', 'li-5'])] });
      expect(outcome.boxes.map((b) => b.state)).toEqual(['printed', 'printed']);
      expect(shipium.created).toHaveLength(1);
      expect(shipium.created[0]!.format).toBe(asked);
      expect(shipium.created[0]!.itemReferences).toEqual([
        ['li-1', 'li-2', 'li-3'],
        ['li-4', 'li-5'],
      ]);
      const label = outcome.boxes[0]!.label!;
      expect(label.boxes.map((b) => b.trackingNumber)).toEqual(shipium.created[0]!.trackingNumbers);
      const [job] = await printer.waitForJobs(1);
      const labels = formats(job!);
      expect(labels).toHaveLength(2);
      for (const [index, zpl] of labels.entries()) expect(await decodeZplBarcodes(zpl, { dpi })).toContain(label.trackingNumbers[index]);

      const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: label.id, box: 2 });
      expect(reprint.ok).toBe(true);
      const [, again] = await printer.waitForJobs(2);
      expect(formats(again!)).toHaveLength(1);
      expect(await decodeZplBarcodes(again!, { dpi })).toContain(label.trackingNumbers[1]);
    },
  );

  it('TikTok Shop: one package per box; box 2 refused keeps boxes 1 and 3, and a retry buys box 2 alone', async () => {
    const tiktok = await startFakeTikTok({ appKey: 'split_app_key', appSecret: 'split_app_secret_01' });
    closers.push(() => tiktok.close());
    tiktok.addOrder({
      orderId: ORDER,
      status: 'AWAITING_SHIPMENT',
      lineItems: ITEMS.map((item) => ({ id: item.id, sku: item.sku, name: item.name })),
    });
    station = await startStation({
      ...tiktok.stationEnv(),
      LABEL_STATION_PRINTER: printer.address,
    });
    // The second create of the run is refused by TikTok (a business refusal: nothing was made).
    const first = station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    await waitUntil(() => tiktok.created.length >= 1);
    tiktok.failNext({ type: 'business', code: 21011001, message: 'package weight exceeds the limit' }, 1, 'create');
    const outcome = await first;
    expect(outcome.boxes.map((b) => b.state)).toEqual(['printed', 'failed', 'printed']);
    expect(tiktok.created.map((c) => c.lineItemIds)).toEqual([
      ['li-1', 'li-2'],
      ['li-4', 'li-5'],
    ]);
    expect(outcome.boxes[1]!.problem?.message).toBeTruthy();

    const retry = await station.call('buyShipment', { orderId: ORDER, boxes: THREE_BOXES });
    expect(retry.boxes.map((b) => [b.state, b.earlier])).toEqual([
      ['printed', true],
      ['printed', false],
      ['printed', true],
    ]);
    expect(tiktok.created.map((c) => c.lineItemIds)).toEqual([['li-1', 'li-2'], ['li-4', 'li-5'], ['li-3']]);
    const jobs = await printer.waitForJobs(3);
    const printed = await Promise.all(jobs.map((job) => decodeZplBarcodes(job)));
    expect(printed.map((codes) => codes[0])).toEqual([
      retry.boxes[0]!.label!.trackingNumbers[0],
      retry.boxes[2]!.label!.trackingNumbers[0],
      retry.boxes[1]!.label!.trackingNumbers[0],
    ]);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
