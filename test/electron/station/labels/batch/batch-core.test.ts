/**
 * Batches through the real station core (sandbox provider, fake Zebra): a batch barcode resolves to
 * the orders of the WMS order file's batch column, in file order; an unknown batch or an empty list
 * is refused with words a worker can act on; orders already labelled are reported, not bought again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../../support/station-harness';
import { makeTempDir } from '../../../../support/temp-dir';

const A = '576500000000000301';
const B = '576500000000000302';
const C = '576500000000000303';

let printer: ZebraStatusPrinter;
let station: Harness;
let temp: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  temp = makeTempDir();
  const file = path.join(temp.dir, 'orders.csv');
  writeFileSync(
    file,
    [
      'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity,batch',
      `#1001,${C},AWAITING_SHIPMENT,li-1,MUG,Mug,1,W-7`,
      `#1002,${A},AWAITING_SHIPMENT,li-2,MUG,Mug,1,W-7`,
      `#1003,${B},AWAITING_SHIPMENT,li-3,MUG,Mug,1,W-8`,
      `#1003,${B},AWAITING_SHIPMENT,li-4,CUP,Cup,1,W-8`,
    ].join('\n'),
  );
  printer = await startZebraStatusPrinter();
  station = await startStation({ LABEL_STATION_PRINTER: printer.address, LABEL_STATION_ORDERS_FILE: file });
});
afterEach(async () => {
  await station.close();
  await printer.close();
  temp.remove();
});

async function finished(batchId: string) {
  for (let i = 0; i < 300; i++) {
    const view = await station.call('getBatch', { batchId });
    if (view.state === 'done') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the batch did not finish');
}

describe('batches in the station core', () => {
  it('a batch barcode buys the orders of that batch in the WMS file, in file order, and prints them in that order', async () => {
    const batch = await station.call('startBatch', { input: { kind: 'barcode', barcode: 'batch:w-7' } });
    expect(batch.name).toBe('Batch w-7');
    expect(batch.entries.map((e) => e.scan)).toEqual([C, A]);
    const done = await finished(batch.id);
    expect(done.entries.map((e) => [e.orderId, e.state])).toEqual([
      [C, 'bought'],
      [A, 'bought'],
    ]);
    await printer.waitForJobs(2, 10_000);
    const history = await station.call('searchHistory', { query: '' });
    expect(history.labels.map((l) => l.orderId).sort()).toEqual([A, C].sort());
  });

  it('refuses an unknown batch barcode and an empty list, saying what to do', async () => {
    await expect(station.call('startBatch', { input: { kind: 'barcode', barcode: 'BATCH:W-99' } })).rejects.toMatchObject({
      code: 'batch_unknown',
      message: expect.stringContaining('W-99'),
    });
    await expect(station.call('startBatch', { input: { kind: 'list', text: '\n  \n' } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(station.call('startBatch', { input: { kind: 'barcode', barcode: 'W-7' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('an order that already has a label is reported as such; a Shopify number of an order listed before is a duplicate', async () => {
    const first = await station.call('submitScan', { scan: A });
    expect(first.outcome).toBe('printed');
    const batch = await station.call('startBatch', { input: { kind: 'list', text: [A, B, '#1003', C].join('\n') } });
    const done = await finished(batch.id);
    expect(done.entries.map((e) => e.state)).toEqual(['already_labelled', 'bought', 'duplicate', 'bought']);
    expect(done.counts).toMatchObject({ bought: 2, alreadyLabelled: 1, duplicate: 1, failed: 0 });
    const labels = (await station.call('searchHistory', { query: '' })).labels;
    expect(labels.filter((l) => l.orderId === B)).toHaveLength(1);
    expect(labels.filter((l) => l.orderId === A)).toHaveLength(1);
  });
});
