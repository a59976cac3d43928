import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type StationDatabase } from '../../../../electron/station/history/database';
import { HistoryStore, type NewLabel } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { makeTempDir } from '../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: StationDatabase;
let clock: number;
let store: HistoryStore;

const newLabel = (orderId: string, id = `id-${orderId}`): NewLabel => ({
  request: '{}',
  id,
  orderId,
  parcelKey: '1of1',
  reference: `ls-test-${orderId}-1of1`,
  provider: 'sandbox',
  sandbox: true,
  generation: 1,
  station: 'station A',
  checkUntil: '2030-01-01T00:00:00.000Z',
  operator: 'Ana',
  printer: 'tcp://127.0.0.1:9100',
});

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  clock = Date.parse('2026-11-01T10:00:00Z');
  store = new HistoryStore(db, () => new Date((clock += 1000)));
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('history store', () => {
  it('uses WAL and records the schema version', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
  });

  it('keeps a label through buying -> bought -> printed with its print attempts', () => {
    store.insertBuying(newLabel('576000000000000001'));
    store.markBought('id-576000000000000001', {
      providerLabelId: 'p1',
      trackingNumbers: ['SBX1'],
      cost: { amount: 6.66, currency: 'USD' },
      labelUrl: 'sandbox://labels/p1.pdf',
    });
    store.recordPrintAttempt({
      labelId: 'id-576000000000000001',
      printer: 'tcp://x',
      ok: false,
      reprint: false,
      bytes: 0,
      error: 'refused',
    });
    store.recordPrintAttempt({ labelId: 'id-576000000000000001', printer: 'tcp://x', ok: true, reprint: true, bytes: 1200, error: null });
    store.setStatus('id-576000000000000001', 'printed');
    const detail = store.getDetail('id-576000000000000001')!;
    expect(detail).toMatchObject({ status: 'printed', trackingNumbers: ['SBX1'], cost: { amount: 6.66, currency: 'USD' }, printCount: 1 });
    expect(detail.printAttempts.map((a) => [a.ok, a.reprint])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(detail).not.toHaveProperty('reference');
  });

  it('refuses a second live label for the same order and parcel set at the database level', () => {
    store.insertBuying(newLabel('576000000000000002', 'a'));
    expect(() => store.insertBuying(newLabel('576000000000000002', 'b'))).toThrow(/UNIQUE/);
    store.setStatus('a', 'failed', 'refused by provider');
    expect(() => store.insertBuying(newLabel('576000000000000002', 'c'))).not.toThrow();
    expect(store.findLive('576000000000000002', '1of1')?.id).toBe('c');
  });

  it('finds labels by the start of an order ID or a tracking number, newest first', () => {
    for (let i = 1; i <= 3; i++) {
      const orderId = `57600000000000000${i}`;
      store.insertBuying(newLabel(orderId));
      store.markBought(`id-${orderId}`, { providerLabelId: `p${i}`, trackingNumbers: [`SBX00${i}99`], cost: null, labelUrl: 'u' });
    }
    expect(store.search('', 10, 0).labels.map((l) => l.orderId)).toEqual([
      '576000000000000003',
      '576000000000000002',
      '576000000000000001',
    ]);
    expect(store.search('SBX002', 10, 0).labels.map((l) => l.orderId)).toEqual(['576000000000000002']);
    expect(store.search('sbx00', 10, 0).total).toBe(3);
    expect(store.search('5760000000000000', 2, 0)).toMatchObject({ total: 3 });
    expect(store.search('5760000000000000', 2, 2).labels).toHaveLength(1);
    expect(store.search('%', 10, 0).total).toBe(0);
    store.setStatus('id-576000000000000002', 'unknown', 'no answer');
    expect(store.search('', 10, 0, 'uncertain').labels.map((l) => l.orderId)).toEqual(['576000000000000002']);
    expect(store.search('576000000000000001', 10, 0, 'uncertain').total).toBe(0);
  });

  it('survives reopening: history is on disk', () => {
    store.insertBuying(newLabel('576000000000000009'));
    db.close();
    db = openDatabase(path.join(temp.dir, 'history.sqlite'));
    expect(new HistoryStore(db).get('id-576000000000000009')?.status).toBe('buying');
  });
});
