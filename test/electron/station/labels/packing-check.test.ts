/** The packing check on the real core: no label is bought until every unit of the order was scanned, or a supervisor says why not. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';
import { TEST_SUPERVISOR } from '../../../support/signed-in-core';

const ORDER = '576500000000000901';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function station(): Promise<{ s: Harness; printer: ZebraStatusPrinter; anaId: string }> {
  const printer = await startZebraStatusPrinter();
  const s = await startStation({});
  closers.push(
    () => printer.close(),
    () => s.close(),
  );
  const file = path.join(s.dataDir, 'orders.csv');
  writeFileSync(
    file,
    [
      'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity,barcode',
      `#2001,${ORDER},AWAITING_SHIPMENT,li-1,MUG-RED,Red mug,1,0012345678905`,
      `#2001,${ORDER},AWAITING_SHIPMENT,li-2,TEE-L,T-shirt,2,`,
    ].join('\n') + '\n',
  );
  await s.call('updateSettings', { printer: { address: printer.address }, ordersFile: file, packing: { checkItems: true } });
  const ana = await s.call('addOperator', { operator: { name: 'Ana Packer', role: 'operator', pin: '1357' } });
  return { s, printer, anaId: ana.id };
}

const labels = async (s: Harness) => (await s.call('searchHistory', { query: ORDER })).total;

describe('the packing check', () => {
  it('buys nothing for a scan without the check, names what is left, and buys once every unit was scanned', async () => {
    const { s, printer } = await station();
    const first = await s.call('submitScan', { scan: '#2001' });
    expect(first).toMatchObject({ outcome: 'check_needed', message: expect.stringContaining('3 to check') });
    if (first.outcome !== 'check_needed') throw new Error('no check');
    expect(first.order.lineItems.map((i) => [i.id, i.barcode ?? null])).toEqual([
      ['li-1', '0012345678905'],
      ['li-2', null],
    ]);

    const partial = await s.call('submitScan', { scan: '#2001', check: { itemIds: ['li-1', 'li-2'] } });
    expect(partial).toMatchObject({
      outcome: 'check_needed',
      message: expect.stringContaining('1 item is not checked yet: T-shirt (TEE-L)'),
    });
    const stray = await s.call('submitScan', { scan: '#2001', check: { itemIds: ['li-1', 'li-2', 'li-2', 'li-9'] } });
    expect(stray).toMatchObject({ outcome: 'check_needed', message: expect.stringContaining('li-9 is not in this order') });
    expect(await labels(s)).toBe(0);

    const checked = await s.call('submitScan', { scan: '#2001', check: { itemIds: ['li-2', 'li-1', 'li-2'] } });
    expect(checked.outcome).toBe('printed');
    expect(await labels(s)).toBe(1);
    await printer.waitForJobs(1);
    // A second scan finds the label: nothing to check, nothing bought.
    expect((await s.call('submitScan', { scan: '#2001' })).outcome).toBe('already_labelled');
  });

  it('buys without the check only for a supervisor who says why, and logs the reason', async () => {
    const { s, anaId } = await station();
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    await expect(s.call('submitScan', { scan: ORDER, check: { override: 'scanner broken' } })).rejects.toMatchObject({
      code: 'supervisor_required',
    });
    await expect(
      s.call('submitScan', { scan: ORDER, check: { override: 'x' }, approval: { badge: TEST_SUPERVISOR.badge } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await labels(s)).toBe(0);
    const supervisorId = (await s.call('listOperators', { approval: { badge: TEST_SUPERVISOR.badge } })).find(
      (o) => o.name === TEST_SUPERVISOR.name,
    )!.id;
    const approved = await s.call('submitScan', {
      scan: ORDER,
      check: { override: 'item scanner broken, items counted by hand' },
      approval: { operatorId: supervisorId, pin: TEST_SUPERVISOR.pin },
    });
    expect(approved.outcome).toBe('printed');
    expect(s.logs.join('\n')).toContain(
      `packing check skipped for order ${ORDER} by Sam Supervisor (approved for Ana Packer): item scanner broken`,
    );
  });

  it('keeps the skip with the label: who, why and when, in History and in the CSV export', async () => {
    const { s, anaId } = await station();
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    const supervisorId = (await s.call('listOperators', { approval: { badge: TEST_SUPERVISOR.badge } })).find(
      (o) => o.name === TEST_SUPERVISOR.name,
    )!.id;
    const before = Date.now();
    const approved = await s.call('submitScan', {
      scan: ORDER,
      check: { override: 'item scanner broken, items counted by hand' },
      approval: { operatorId: supervisorId, pin: TEST_SUPERVISOR.pin },
    });
    if (approved.outcome !== 'printed') throw new Error(`not printed: ${approved.outcome}`);
    const detail = await s.call('getLabel', { labelId: approved.label.id });
    expect(detail.checkOverride).toEqual({
      by: 'Sam Supervisor (approved for Ana Packer)',
      byId: supervisorId,
      reason: 'item scanner broken, items counted by hand',
      at: expect.any(String),
    });
    expect(Date.parse(detail.checkOverride!.at)).toBeGreaterThanOrEqual(before - 1000);
    // The History page's rows carry it too (the detail panel reads the label).
    const page = await s.call('searchHistory', { query: ORDER });
    expect(page.labels[0]?.checkOverride?.reason).toBe('item scanner broken, items counted by hand');

    const exported = await s.call('exportHistory', {});
    const rows = parse(readFileSync(exported.path, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      order: ORDER,
      check_skipped_by: 'Sam Supervisor (approved for Ana Packer)',
      check_skip_reason: 'item scanner broken, items counted by hand',
      check_skipped_at: detail.checkOverride!.at,
    });
  });

  it('records no skip on a label whose items were all scanned', async () => {
    const { s } = await station();
    const checked = await s.call('submitScan', { scan: '#2001', check: { itemIds: ['li-2', 'li-1', 'li-2'] } });
    if (checked.outcome !== 'printed') throw new Error(`not printed: ${checked.outcome}`);
    expect((await s.call('getLabel', { labelId: checked.label.id })).checkOverride ?? null).toBeNull();
  });
});
