/**
 * The history's reporting side on both databases: reprint reasons on print attempts, the export's
 * keyset pages, and the end-of-day summary checked against counts the test makes itself from the
 * rows it wrote. Plus: the "reprint reasons" migration keeps every row of a history made before it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase } from '../../../../electron/station/history/database';
import { HistoryStore, type NewLabel } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { daySummary, exportRows, localDayBounds } from '../../../../electron/station/reports';
import { csvRecord } from '../../../../electron/station/reports/history-csv';
import type { LabelStatus } from '../../../../shared/domain/labels';
import { SOLD_STATUSES } from '../../../../shared/domain/labels';
import type { LabelBox } from '../../../../shared/domain/shipments';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';
import { newLabel as aLabel } from '../../../support/new-label';

interface Backend {
  history: HistoryDatabase;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const temp = makeTempDir();
  const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
  return {
    history: sqliteHistory(raw),
    close: async () => {
      raw.close();
      temp.remove();
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const fleet = await openFleetDatabase(await freshPostgresDatabase('reports'));
  return { history: fleet, close: () => fleet.db.destroy() };
}

const box = (index: number, count: number): LabelBox => ({
  index,
  count,
  trackingNumber: null,
  dimension: { width: 10, height: 10, depth: 10, unit: 'in' },
  weight: { value: 1, unit: 'lb' },
  itemIds: [`item-${index}`],
});

/** What the test wrote, to count on its own. */
interface Written {
  id: string;
  createdAt: Date;
  status: LabelStatus;
  operator: string;
  boxes: number;
  cost: { amount: number; currency: string } | null;
}
interface WrittenAttempt {
  at: Date;
  ok: boolean;
  reprint: boolean;
  operator: string;
  reason: string | null;
  /** Left out: an attempt recorded the way it was before stations were kept. */
  station?: string;
}

const newLabel = (orderId: string, id: string) => aLabel(orderId, id, 'Bo');

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('history reports on %s', (_name, open) => {
  let backend: Backend;
  let now: Date;
  let store: HistoryStore;
  let serial = 0;

  beforeEach(async () => {
    backend = await open();
    now = new Date('2026-11-01T10:00:00Z');
    store = new HistoryStore(backend.history, () => now);
  });
  afterEach(() => backend.close());

  async function addLabel(
    at: Date,
    status: LabelStatus,
    operator: string,
    boxes = 0,
    cost: Written['cost'] = null,
    station = 'Packing 1',
  ): Promise<Written> {
    serial += 1;
    const orderId = `5760000000000${String(serial).padStart(5, '0')}`;
    const label: NewLabel = {
      request: '{}',
      id: `label-${serial}`,
      orderId,
      parcelKey: boxes > 1 ? `s${boxes}-x` : '1of1',
      reference: `ls-${orderId}-g1`,
      provider: 'sandbox',
      sandbox: true,
      generation: 1,
      station,
      stationId: 'abcd1234',
      checkUntil: '2030-01-01T00:00:00.000Z',
      operator,
      printer: 'tcp://127.0.0.1:9100',
      ...(boxes > 1 && { boxes: Array.from({ length: boxes }, (_, i) => box(i + 1, boxes)) }),
    };
    now = at;
    await store.insertBuying(label);
    if ((SOLD_STATUSES as readonly string[]).includes(status)) {
      await store.markBought(label.id, {
        providerLabelId: `p-${serial}`,
        trackingNumbers: Array.from({ length: Math.max(1, boxes) }, (_, i) => `SBX${serial}T${i}`),
        cost,
        labelUrl: 'sandbox://x.pdf',
      });
    }
    if (status !== 'buying') await store.setStatus(label.id, status);
    return { id: label.id, createdAt: at, status, operator, boxes: Math.max(1, boxes), cost };
  }

  async function addAttempt(labelId: string, a: WrittenAttempt): Promise<void> {
    now = a.at;
    await store.recordPrintAttempt({
      labelId,
      printer: 'tcp://127.0.0.1:9100',
      ok: a.ok,
      reprint: a.reprint,
      bytes: a.ok ? 100 : 0,
      error: a.ok ? null : 'paper out',
      operator: a.operator,
      reason: a.reason,
      ...(a.station !== undefined && { station: a.station }),
    });
  }

  it('keeps a reprint’s reason on its attempt and never gives a first print one', async () => {
    const label = await addLabel(new Date('2026-11-01T10:00:00Z'), 'printed', 'Ana');
    await addAttempt(label.id, { at: new Date('2026-11-01T10:00:01Z'), ok: true, reprint: false, operator: 'Ana', reason: 'ignored' });
    await addAttempt(label.id, { at: new Date('2026-11-01T10:05:00Z'), ok: true, reprint: true, operator: 'Bo', reason: 'Printer jammed' });
    const detail = (await store.getDetail(label.id))!;
    expect(detail.printAttempts.map((a) => [a.reprint, a.reason, a.operator])).toEqual([
      [true, 'Printer jammed', 'Bo'],
      [false, null, 'Ana'],
    ]);
  });

  it('keeps a packing check skip with its label (detail, export row, a copy into another history); none on other labels', async () => {
    const skip = { by: 'Sue (approved for Bo)', byId: 'op-sue', reason: 'item scanner broken', at: '2026-11-01T09:59:58.000Z' };
    now = new Date('2026-11-01T10:00:00Z');
    await store.insertBuying({ ...newLabel('576000000000099001', 'skipped'), checkOverride: skip });
    await store.insertBuying(newLabel('576000000000099002', 'checked'));
    expect((await store.getDetail('skipped'))!.checkOverride).toEqual(skip);
    expect((await store.getDetail('checked'))!.checkOverride).toBeNull();
    const rows = [];
    for await (const row of exportRows(store, { query: '', filter: 'all' })) rows.push(row);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.checkOverride]))).toEqual({ skipped: skip, checked: null });
    expect(csvRecord(rows.find((r) => r.id === 'skipped')!)).toMatchObject({
      check_skipped_by: 'Sue (approved for Bo)',
      check_skip_reason: 'item scanner broken',
      check_skipped_at: skip.at,
    });
    expect(csvRecord(rows.find((r) => r.id === 'checked')!)).toMatchObject({ check_skipped_by: '', check_skip_reason: '' });

    // The fleet's cache and the shared database copy labels whole: the skip goes with it.
    const copy = { ...(await store.get('skipped'))!, id: 'copied', orderId: '576000000000099003', reference: 'ls-copy' };
    await store.importLabel(copy);
    expect((await store.getDetail('copied'))!.checkOverride).toEqual(skip);
  });

  it('pages the export newest first, every matching label exactly once, with its print counts', async () => {
    const written: Written[] = [];
    // Three labels share one creation time: the id breaks the tie, so none is skipped or repeated at a page edge.
    for (let i = 0; i < 7; i++) written.push(await addLabel(new Date(Date.UTC(2026, 10, 1, 9, 0, i < 3 ? 0 : i)), 'printed', 'Ana'));
    await addAttempt(written[4]!.id, { at: new Date('2026-11-01T12:00:00Z'), ok: true, reprint: false, operator: 'Ana', reason: null });
    await addAttempt(written[4]!.id, { at: new Date('2026-11-01T12:01:00Z'), ok: false, reprint: true, operator: 'Ana', reason: 'x y z' });
    await addAttempt(written[4]!.id, { at: new Date('2026-11-01T12:02:00Z'), ok: true, reprint: true, operator: 'Ana', reason: 'x y z' });

    const rows = [];
    for await (const row of exportRows(store, { query: '', filter: 'all' }, 3)) rows.push(row);
    const expected = [...written].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
    expect(rows.map((r) => r.id)).toEqual(expected.map((w) => w.id));
    expect(rows.find((r) => r.id === written[4]!.id)).toMatchObject({ prints: 2, reprints: 1, status: 'printed', operator: 'Ana' });

    const matching = [];
    const orderId = rows[2]!.orderId;
    for await (const row of exportRows(store, { query: orderId, filter: 'all' }, 3)) matching.push(row.orderId);
    expect(matching).toEqual([orderId]);
  });

  it('sums a day exactly as the rows written that day add up, per hour and per operator', async () => {
    const date = '2026-11-03';
    const { from, to } = localDayBounds(date);
    const at = (hours: number, minutes = 0) => new Date(from.getTime() + hours * 3_600_000 + minutes * 60_000);
    const labels: Written[] = [];
    const attempts: WrittenAttempt[] = [];
    const plan: Array<[number, LabelStatus, string, number, Written['cost']]> = [
      [8, 'printed', 'Ana', 0, { amount: 6.5, currency: 'USD' }],
      [8, 'printed', 'Ana', 3, { amount: 12.25, currency: 'USD' }],
      [9, 'print_failed', 'Bo', 0, { amount: 5, currency: 'GBP' }],
      [9, 'failed', 'Bo', 0, null],
      [13, 'queued', 'Ana', 0, { amount: 1.1, currency: 'USD' }],
      [13, 'checking', 'Bo', 0, null],
      [23, 'printed', 'Sue (approved for Bo)', 2, null],
    ];
    for (const [hour, status, operator, boxes, cost] of plan) labels.push(await addLabel(at(hour, 10), status, operator, boxes, cost));
    // Outside the day: a minute before its midnight and at the next midnight.
    await addLabel(new Date(from.getTime() - 60_000), 'printed', 'Ana', 0, { amount: 99, currency: 'USD' });
    await addLabel(to, 'printed', 'Ana', 0, { amount: 99, currency: 'USD' });
    const attemptPlan: WrittenAttempt[] = [
      { at: at(8, 11), ok: true, reprint: false, operator: 'Ana', reason: null },
      { at: at(9, 30), ok: true, reprint: true, operator: 'Bo', reason: 'Label damaged' },
      { at: at(9, 31), ok: false, reprint: true, operator: 'Bo', reason: 'Printer jammed' },
      { at: at(14, 0), ok: true, reprint: true, operator: 'Ana', reason: 'Label damaged' },
      { at: at(14, 5), ok: false, reprint: false, operator: 'Ana', reason: null },
      { at: new Date(to.getTime() + 1000), ok: true, reprint: true, operator: 'Ana', reason: 'Label damaged' },
    ];
    for (const a of attemptPlan) {
      await addAttempt(labels[0]!.id, a);
      if (a.at >= from && a.at < to) attempts.push(a);
    }

    const summary = await daySummary(store, date);

    const sold = labels.filter((l) => (SOLD_STATUSES as readonly string[]).includes(l.status));
    const hourOf = (d: Date) => d.getHours();
    expect(summary.labels).toBe(sold.length);
    expect(summary.boxes).toBe(sold.reduce((n, l) => n + l.boxes, 0));
    expect(summary.purchaseFailures).toBe(labels.filter((l) => l.status === 'failed').length);
    expect(summary.uncertain).toBe(labels.filter((l) => l.status === 'checking').length);
    expect(summary.printFailures).toBe(attempts.filter((a) => !a.ok).length);
    expect(summary.reprints).toBe(attempts.filter((a) => a.ok && a.reprint).length);
    const currencies = [...new Set(sold.flatMap((l) => (l.cost ? [l.cost.currency] : [])))].sort();
    expect(summary.cost).toEqual(
      currencies.map((currency) => ({
        currency,
        amount: Math.round(sold.reduce((n, l) => n + (l.cost?.currency === currency ? l.cost.amount : 0), 0) * 100) / 100,
      })),
    );
    for (const hour of summary.hours) {
      expect([hour.hour, hour.labels, hour.reprints, hour.printFailures]).toEqual([
        hour.hour,
        sold.filter((l) => hourOf(l.createdAt) === hour.hour).length,
        attempts.filter((a) => a.ok && a.reprint && hourOf(a.at) === hour.hour).length,
        attempts.filter((a) => !a.ok && hourOf(a.at) === hour.hour).length,
      ]);
    }
    for (const person of summary.operators) {
      expect([person.operator, person.labels, person.boxes, person.reprints, person.purchaseFailures]).toEqual([
        person.operator,
        sold.filter((l) => l.operator === person.operator).length,
        sold.filter((l) => l.operator === person.operator).reduce((n, l) => n + l.boxes, 0),
        attempts.filter((a) => a.ok && a.reprint && a.operator === person.operator).length,
        labels.filter((l) => l.status === 'failed' && l.operator === person.operator).length,
      ]);
    }
    expect(summary.operators.map((o) => o.operator).sort()).toEqual(['Ana', 'Bo', 'Sue (approved for Bo)']);
    expect(summary.reprintReasons).toEqual([{ reason: 'Label damaged', reprints: 2 }]);
  });
  it('counts a fleet day per station: labels where they were bought, prints where they were printed', async () => {
    const date = '2026-11-04';
    const { from } = localDayBounds(date);
    const at = (hours: number) => new Date(from.getTime() + hours * 3_600_000);
    const plan: Array<[LabelStatus, string, number, Written['cost']]> = [
      ['printed', 'Packing 1', 0, { amount: 6.5, currency: 'USD' }],
      ['printed', 'Packing 2', 2, { amount: 10, currency: 'USD' }],
      ['printed', 'Packing 2', 0, { amount: 4.25, currency: 'USD' }],
      ['failed', 'Packing 2', 0, null],
    ];
    const labels: Array<Written & { station: string }> = [];
    for (const [i, [status, station, boxes, cost]] of plan.entries())
      labels.push({ ...(await addLabel(at(8 + i), status, 'Ana', boxes, cost, station)), station });
    const attempts: Array<WrittenAttempt & { station: string }> = [
      { at: at(12), ok: true, reprint: true, operator: 'Ana', reason: 'Label damaged', station: 'Packing 1' },
      { at: at(12), ok: true, reprint: true, operator: 'Bo', reason: 'Label damaged', station: 'Packing 2' },
      { at: at(13), ok: true, reprint: true, operator: 'Bo', reason: 'Label damaged', station: 'Packing 2' },
      { at: at(13), ok: false, reprint: false, operator: 'Bo', reason: null, station: 'Packing 1' },
    ];
    // A reprint that another station made of Packing 2's label counts where it was printed.
    for (const a of attempts) await addAttempt(labels[1]!.id, a);
    await addAttempt(labels[0]!.id, { at: at(14), ok: true, reprint: true, operator: 'Ana', reason: 'Label damaged' });

    const summary = await daySummary(store, date);

    const expected = ['Packing 1', 'Packing 2', ''].map((station) => {
      const sold = labels.filter((l) => l.station === station && l.status !== 'failed');
      const theirs = attempts.filter((a) => a.station === station);
      return {
        station,
        labels: sold.length,
        boxes: sold.reduce((n, l) => n + l.boxes, 0),
        reprints: theirs.filter((a) => a.ok && a.reprint).length + (station === '' ? 1 : 0),
        purchaseFailures: labels.filter((l) => l.station === station && l.status === 'failed').length,
        printFailures: theirs.filter((a) => !a.ok).length,
        cost: sold.some((l) => l.cost)
          ? [{ currency: 'USD', amount: Math.round(sold.reduce((n, l) => n + (l.cost?.amount ?? 0), 0) * 100) / 100 }]
          : [],
      };
    });
    expect([...summary.stations].sort((a, b) => a.station.localeCompare(b.station))).toEqual(
      [...expected].sort((a, b) => a.station.localeCompare(b.station)),
    );
    expect(summary.stations[0]!.station).toBe('Packing 2');
    expect(summary.stations.reduce((n, s) => n + s.labels, 0)).toBe(summary.labels);
    expect(summary.stations.reduce((n, s) => n + s.reprints, 0)).toBe(summary.reprints);
  });
});

describe('the "reprint reasons" migration', () => {
  it('keeps every label and print attempt of a history written before it', () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'history.sqlite');
      const before = new Database(file);
      const last = migrations.findIndex((m) => m.name.startsWith('reprint reasons'));
      for (let v = 0; v < last; v++) before.exec(migrations[v]!.sqlite);
      before.pragma(`user_version = ${last}`);
      before
        .prepare(
          `INSERT INTO labels (id, order_id, parcel_key, reference, provider, sandbox, status, created_at, updated_at, operator, printer)
           VALUES ('old', '576000000000000001', '1of1', 'ls-1', 'sandbox', 1, 'printed', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Ana', 'tcp://x')`,
        )
        .run();
      before
        .prepare(
          `INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error, operator) VALUES ('old', '2026-01-01T00:00:01.000Z', 'tcp://x', 1, 1, 10, NULL, 'Ana')`,
        )
        .run();
      before.close();

      const after = openDatabase(file);
      expect(after.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(after.prepare('SELECT id, status FROM labels').all()).toEqual([{ id: 'old', status: 'printed' }]);
      expect(after.prepare('SELECT label_id, reprint, operator, reason FROM print_attempts').all()).toEqual([
        { label_id: 'old', reprint: 1, operator: 'Ana', reason: null },
      ]);
      after.close();
    } finally {
      temp.remove();
    }
  });
});
