/**
 * The batch runner over a scripted scan job and the real batch tables (SQLite and PostgreSQL):
 * every order once, printed in list order, duplicates reported, a failing order does not stop the
 * rest, pause lets the orders in flight finish, a batch survives a restart.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../../../../shared/contract';
import type { LabelRecord } from '../../../../../shared/domain/labels';
import { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase } from '../../../../../electron/station/history/database';
import { BatchStore } from '../../../../../electron/station/history';
import { BatchRunner } from '../../../../../electron/station/labels';
import type { ScanJobOptions } from '../../../../../electron/station/labels';
import { freshPostgresDatabase } from '../../../../support/postgres-database';
import { makeTempDir } from '../../../../support/temp-dir';

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
  const fleet = await openFleetDatabase(await freshPostgresDatabase('batches'));
  return { history: fleet, close: () => fleet.close() };
}

function label(orderId: string, tracking: string): LabelRecord {
  const at = '2026-12-05T10:00:00.000Z';
  return {
    id: `label-${orderId}`,
    orderId,
    provider: 'sandbox',
    sandbox: true,
    providerLabelId: 'p',
    trackingNumbers: [tracking],
    cost: null,
    status: 'printed',
    createdAt: at,
    updatedAt: at,
    operator: 'Sue',
    printer: 'tcp://127.0.0.1:9100',
    format: 'zpl',
    filePath: null,
    error: null,
    printCount: 1,
    station: 'Packing 1',
    checkUntil: null,
    boxes: [],
  };
}

/** A scripted scan job: buys each order once (a second scan of it is "already labelled"), prints through beforePrint. */
class ScriptedScans {
  bought = new Map<string, number>();
  printed: string[] = [];
  started: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Orders whose scan waits until released. */
  gates = new Map<string, { open: Promise<void>; release: () => void }>();
  failing = new Set<string>();
  /** Scans that are another way of writing an order (a Shopify number). */
  aliases = new Map<string, string>();

  gate(scan: string) {
    let release = () => {};
    const open = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(scan, { open, release });
  }

  /** Like the scan job's claim: a second scan of an order being bought is refused as busy. */
  busy = new Set<string>();

  scan = async (_operator: string, scan: string, options: ScanJobOptions): Promise<ScanOutcome> => {
    this.started.push(scan);
    const claimed = this.aliases.get(scan) ?? scan;
    if (this.busy.has(claimed)) {
      return {
        outcome: 'failed',
        jobId: 'j',
        problem: { code: 'order_busy', message: `A label for order ${claimed} is being bought right now.`, nextStep: 'Wait.' },
        label: label(claimed, ''),
      };
    }
    this.busy.add(claimed);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.gates.get(scan)?.open;
      // Later orders answer sooner: printing in list order is the runner's doing.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - this.started.length)));
      const orderId = this.aliases.get(scan) ?? scan;
      if (this.failing.has(scan)) {
        return { outcome: 'failed', jobId: 'j', problem: { code: 'provider_failing', message: `Refused ${scan}.`, nextStep: 'Check it.' } };
      }
      if (this.bought.has(orderId)) {
        return { outcome: 'already_labelled', jobId: 'j', label: label(orderId, `T${orderId}`), message: 'Already has a label.' };
      }
      this.bought.set(orderId, 1);
      await options.beforePrint?.();
      this.printed.push(orderId);
      return { outcome: 'printed', jobId: 'j', label: label(orderId, `T${orderId}`) };
    } finally {
      this.inFlight -= 1;
      this.busy.delete(claimed);
    }
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const orders = (n: number) => Array.from({ length: n }, (_, i) => `5760000000000001${String(i + 10).padStart(2, '0')}`);

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('batch runner on %s', (_name, open) => {
  let backend: Backend;
  let scans: ScriptedScans;
  let events: Array<{ state: string }>;
  const make = (concurrency = 4) =>
    new BatchRunner({
      store: new BatchStore(backend.history),
      scan: scans.scan,
      events: { emit: (_event, payload) => void events.push(payload as { state: string }) },
      concurrency: () => concurrency,
      stationId: 'abcd1234',
      now: () => new Date(),
      log: () => {},
    });

  beforeEach(async () => {
    backend = await open();
    scans = new ScriptedScans();
    events = [];
  });
  afterEach(() => backend.close());

  it('buys each order once, several at a time, and prints them in list order', async () => {
    const runner = make(4);
    const list = orders(12);
    const started = await runner.start(list, 'Morning', 'Sue');
    expect(started.entries.map((e) => e.scan)).toEqual(list);
    await until(async () => (await runner.view(started.id)).state === 'done', 'the batch to finish');
    const view = await runner.view(started.id);
    expect(scans.printed).toEqual(list);
    expect([...scans.bought.values()].every((n) => n === 1)).toBe(true);
    expect(scans.maxInFlight).toBeGreaterThan(1);
    expect(scans.maxInFlight).toBeLessThanOrEqual(4);
    expect(view.counts).toMatchObject({ total: 12, bought: 12, failed: 0, pending: 0, running: 0 });
    expect(view.entries.map((e) => e.tracking)).toEqual(list.map((o) => `T${o}`));
    // Stored, not only in memory.
    const stored = await new BatchStore(backend.history).view(started.id);
    expect(stored?.state).toBe('done');
    expect(stored?.entries.every((e) => e.state === 'bought')).toBe(true);
    expect(events.at(-1)?.state).toBe('done');
  });

  it('reports an order listed twice (or written two ways) and buys it once', async () => {
    const runner = make(3);
    const [a, b, c] = orders(3) as [string, string, string];
    scans.aliases.set('#1001', b);
    const batch = await runner.start([a, b, ` ${a} `, c, '#1001'], '', 'Sue');
    expect(batch.entries[2]).toMatchObject({ state: 'duplicate', message: expect.stringContaining('line 1') });
    await until(async () => (await runner.view(batch.id)).state === 'done', 'the batch to finish');
    const view = await runner.view(batch.id);
    const states = view.entries.map((e) => e.state);
    expect(states.filter((_, i) => i !== 1 && i !== 4)).toEqual(['bought', 'duplicate', 'bought']);
    // The same order written two ways: whichever line claimed it first buys it, the other is the duplicate.
    expect([states[1], states[4]].sort()).toEqual(['bought', 'duplicate']);
    const dup = view.entries[states[1] === 'duplicate' ? 1 : 4]!;
    expect(dup.message).toContain(`line ${states[1] === 'duplicate' ? 5 : 2}`);
    expect(scans.started.filter((s) => s.trim() === a)).toHaveLength(1);
    expect(scans.bought.get(b)).toBe(1);
    expect([...scans.printed].sort()).toEqual([a, b, c].sort());
    expect(scans.printed.filter((o) => o === b)).toHaveLength(1);
    expect(view.counts).toMatchObject({ bought: 3, duplicate: 2 });
  });

  it('a failing order does not stop the rest; the summary says why it failed', async () => {
    const runner = make(2);
    const list = orders(6);
    scans.failing.add(list[1]!);
    scans.failing.add(list[4]!);
    const batch = await runner.start(list, '', 'Sue');
    await until(async () => (await runner.view(batch.id)).state === 'done', 'the batch to finish');
    const view = await runner.view(batch.id);
    expect(view.entries.map((e) => e.state)).toEqual(['bought', 'failed', 'bought', 'bought', 'failed', 'bought']);
    expect(view.entries[1]!.message).toBe(`Refused ${list[1]}. Check it.`);
    expect(scans.printed).toEqual([list[0], list[2], list[3], list[5]]);
  });

  it('pause lets the orders in flight finish and starts nothing new; resume goes on', async () => {
    const runner = make(2);
    const list = orders(6);
    scans.gate(list[0]!);
    scans.gate(list[1]!);
    const batch = await runner.start(list, '', 'Sue');
    await until(() => scans.started.length === 2, 'two orders in flight');
    const pausing = await runner.pause(batch.id);
    expect(pausing.state).toBe('pausing');
    scans.gates.get(list[0]!)!.release();
    scans.gates.get(list[1]!)!.release();
    await until(async () => (await runner.view(batch.id)).state === 'paused', 'the batch to pause');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...scans.started].sort()).toEqual(list.slice(0, 2));
    expect(scans.printed).toEqual(list.slice(0, 2));
    expect((await new BatchStore(backend.history).view(batch.id))?.state).toBe('paused');

    await runner.resume(batch.id, 'Sue');
    await until(async () => (await runner.view(batch.id)).state === 'done', 'the batch to finish');
    expect(scans.printed).toEqual(list);
    expect([...scans.started].sort()).toEqual(list);
  });

  it('survives a restart: comes back paused, and resuming runs only what was not finished, never twice', async () => {
    const first = make(2);
    const list = orders(5);
    scans.gate(list[1]!);
    scans.gate(list[2]!);
    const batch = await first.start(list, '', 'Sue');
    await until(async () => (await first.view(batch.id)).entries[0]!.state === 'bought', 'the first order');
    await until(() => scans.started.length === 3, 'orders 2 and 3 in flight');
    // The station dies here: orders 2 and 3 are "running" in the database; order 3 had been bought.
    scans.bought.set(list[2]!, 1);
    scans.busy.clear(); // the dead process's work in flight is gone with it

    const second = make(2);
    await second.recover();
    const after = await second.view(batch.id);
    expect(after.state).toBe('paused');
    expect(after.note).toMatch(/restart|stopped/i);
    expect(after.entries.map((e) => e.state)).toEqual(['bought', 'pending', 'pending', 'pending', 'pending']);

    scans.gates.clear();
    scans.started = [];
    await second.resume(batch.id, 'Sue');
    await until(async () => (await second.view(batch.id)).state === 'done', 'the resumed batch to finish');
    const done = await second.view(batch.id);
    expect([...scans.started].sort()).toEqual(list.slice(1));
    expect(done.entries.map((e) => e.state)).toEqual(['bought', 'bought', 'already_labelled', 'bought', 'bought']);
    expect([...scans.bought.values()].every((n) => n === 1)).toBe(true);
  });

  it('lists this station’s batches newest first, with their counts', async () => {
    const runner = make(2);
    const one = await runner.start(orders(2), 'One', 'Sue');
    await until(async () => (await runner.view(one.id)).state === 'done', 'batch one');
    const listed = await runner.list();
    expect(listed[0]).toMatchObject({ id: one.id, name: 'One', state: 'done', counts: { total: 2, bought: 2 } });
  });
});
