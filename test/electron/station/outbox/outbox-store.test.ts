/**
 * The outbox's rows on both databases: label changes write their events in the same statement
 * (bought, printed, print failed, needs checking — each once per change), an event is fanned out by
 * one station only, a delivery is leased by one station at a time, and a destination's deliveries
 * go in event order (a later one waits while an earlier one is retried; a failed one is set aside).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase } from '../../../../electron/station/history/database';
import { HistoryStore, type NewLabel } from '../../../../electron/station/history/history-store';
import { OutboxStore } from '../../../../electron/station/outbox';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';

interface Backend {
  history: HistoryDatabase;
  close(): Promise<void>;
}

const backends: Record<string, () => Promise<Backend>> = {
  sqlite: async () => {
    const temp = makeTempDir();
    const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
    return {
      history: sqliteHistory(raw),
      close: async () => {
        raw.close();
        temp.remove();
      },
    };
  },
  postgres: async () => {
    const fleet = await openFleetDatabase(await freshPostgresDatabase('outbox'));
    return { history: fleet, close: () => fleet.db.destroy() };
  },
};

const NOW = new Date('2026-12-05T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

function newLabel(orderId: string): NewLabel {
  return {
    id: randomUUID(),
    orderId,
    parcelKey: '1of1',
    reference: `ref-${orderId}`,
    provider: 'aftership',
    sandbox: false,
    operator: 'Ana',
    printer: 'tcp://127.0.0.1:9100',
    request: JSON.stringify({ orderId, order: { orderId, source: 'shopify', displayName: '#1001' } }),
    generation: 1,
    station: 'Packing 1',
    stationId: 'abcd1234',
    checkUntil: later(60_000).toISOString(),
  };
}

let open: Backend | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe.each(Object.keys(backends))('the outbox on %s', (name) => {
  async function setUp() {
    open = await backends[name]!();
    return { labels: new HistoryStore(open.history, () => NOW), outbox: new OutboxStore(open.history) };
  }

  it('writes each label event with the change that makes it, once', async () => {
    const { labels, outbox } = await setUp();
    const a = (await labels.insertBuying(newLabel('576000000000000001')))!;
    expect(await outbox.newEvents(10)).toEqual([]); // buying is no event
    await labels.markBought(a.id, {
      providerLabelId: 'pl-1',
      trackingNumbers: ['1Z999AA10123456784'],
      labelUrl: 'https://labels.example/l.pdf',
      cost: null,
    });
    await labels.markBought(a.id, {
      providerLabelId: 'pl-1',
      trackingNumbers: ['1Z999AA10123456784'],
      labelUrl: 'https://labels.example/l.pdf',
      cost: null,
    });
    await labels.setStatus(a.id, 'queued');
    await labels.setStatus(a.id, 'print_failed', 'out of paper');
    await labels.setStatus(a.id, 'printed');
    await labels.setStatus(a.id, 'printed');
    const b = (await labels.insertBuying(newLabel('576000000000000002')))!;
    await labels.settlePurchase(b.id, 'unknown', 'no clear answer');

    const events = await outbox.newEvents(10);
    expect(events.map((e) => [e.type, e.orderId])).toEqual([
      ['label.bought', '576000000000000001'],
      ['label.print_failed', '576000000000000001'],
      ['label.printed', '576000000000000001'],
      ['label.needs_checking', '576000000000000002'],
    ]);
    expect(events[0]).toMatchObject({ trackingNumbers: ['1Z999AA10123456784'], provider: 'aftership', station: 'Packing 1', scanned: '' });
    expect(events[0]!.eventId).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(4);
  });

  it('a label copied in again as the database already holds it (a replayed copy) writes no event again', async () => {
    const { labels, outbox } = await setUp();
    const other = new HistoryStore(open!.history, () => NOW);
    const a = (await other.insertBuying(newLabel('576000000000000003')))!;
    await other.markBought(a.id, { providerLabelId: 'pl', trackingNumbers: ['T1'], labelUrl: 'https://labels.example/l.pdf', cost: null });
    const printed = await other.setStatus(a.id, 'printed');
    const before = (await outbox.newEvents(10)).length;
    await labels.importLabel(printed);
    expect((await outbox.newEvents(10)).length).toBe(before);
  });

  it('fans an event out once, leases a delivery to one station, and keeps a destination’s order', async () => {
    const { labels, outbox } = await setUp();
    for (const order of ['576000000000000011', '576000000000000012']) {
      const row = (await labels.insertBuying(newLabel(order)))!;
      await labels.markBought(row.id, {
        providerLabelId: 'pl',
        trackingNumbers: [`T${order}`],
        labelUrl: 'https://labels.example/l.pdf',
        cost: null,
      });
    }
    const [first, second] = await outbox.newEvents(10);
    const wms = [{ destination: 'webhook:x', destinationName: 'WMS', state: 'pending' as const }];
    const twice = await Promise.all([outbox.fanOut(first!, wms, NOW), new OutboxStore(open!.history).fanOut(first!, wms, NOW)]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await outbox.fanOut(second!, wms, NOW)).toBe(true);
    expect(await outbox.newEvents(10)).toEqual([]);

    const due = await outbox.due(['webhook:x'], NOW, 10);
    expect(due.map((d) => d.event.orderId)).toEqual(['576000000000000011', '576000000000000012']);
    const leases = await Promise.all([
      outbox.lease(due[0]!.id, 'a', NOW, 60_000),
      new OutboxStore(open!.history).lease(due[0]!.id, 'b', NOW, 60_000),
    ]);
    expect(leases.filter(Boolean)).toHaveLength(1);
    // While the first is held or waits for its retry, the second is not due.
    expect(await outbox.due(['webhook:x'], NOW, 10)).toEqual([]);
    await outbox.notDelivered(due[0]!.id, 1, 'HTTP 503', later(1000), NOW);
    expect(await outbox.due(['webhook:x'], later(500), 10)).toEqual([]);
    expect((await outbox.due(['webhook:x'], later(1000), 10)).map((d) => d.attempts)).toEqual([1, 0]);
    // Set aside after its last attempt: the next one goes, the failed one stays in the log.
    await outbox.notDelivered(due[0]!.id, 2, 'HTTP 503', null, NOW);
    expect((await outbox.due(['webhook:x'], NOW, 10)).map((d) => d.event.orderId)).toEqual(['576000000000000012']);
    const log = await outbox.log(10);
    expect(log).toMatchObject({ pending: 1, failed: 1 });
    expect(log.entries.find((e) => e.state === 'failed')).toMatchObject({ attempts: 2, lastError: 'HTTP 503', nextTryAt: null });
    expect(await outbox.retryNow(due[0]!.id, NOW)).toBe(true);
    expect((await outbox.log(10)).pending).toBe(2);
  });
});
