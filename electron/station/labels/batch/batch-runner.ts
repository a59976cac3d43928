/**
 * Runs batches: every entry through the one scan job (claims, one live label per order and parcel
 * set, the checking window and the durable print queue apply unchanged), several at a time so the
 * provider's rate limit, not the round trip, sets the pace; printed in list order. Pause lets the
 * entries in flight finish and starts nothing new. The list and each entry's state are in the
 * history database: after a crash, an entry caught running is run again through the scan job,
 * which settles what it had done (prints a label bought but not printed, buys nothing twice).
 */
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload, ScanOutcome } from '../../../../shared/contract';
import type { BatchEntry, BatchSummary, BatchView } from '../../../../shared/domain/batches';
import { countEntries } from '../../../../shared/domain/batches';
import { StationError } from '../../../../shared/errors';
import type { BatchStore, EntryUpdate } from '../../history';
import type { ScanJobOptions } from '../scan-job';
import { listEntries } from './batch-list';
import { PrintTurns } from './print-turns';

export interface BatchRunnerDeps {
  store: BatchStore;
  /** One scan, exactly as the Scan screen's, acting as `operator`. */
  scan(operator: string, scan: string, options: ScanJobOptions): Promise<ScanOutcome>;
  events: { emit<E extends EventName>(event: E, payload: EventPayload<E>): void };
  /** Orders in flight at once: enough to keep the provider's rate limit busy. */
  concurrency(): number;
  stationId: string;
  now: () => Date;
  log: (line: string) => void;
}

interface Run {
  id: string;
  operator: string;
  entries: BatchEntry[];
  state: 'running' | 'pausing' | 'paused' | 'done';
  inFlight: number;
  /** Entries in flight, by position: settle when the entry has an outcome. */
  running: Map<number, Promise<void>>;
  busyWaiting: Set<number>;
  turns: PrintTurns;
  /** Settles when nothing is in flight any more. */
  idle: Promise<void>;
  setIdle: () => void;
}

const FINAL = new Set(['bought', 'already_labelled', 'duplicate', 'failed']);

export class BatchRunner {
  private readonly runs = new Map<string, Run>();
  private closing = false;

  constructor(private readonly deps: BatchRunnerDeps) {}

  /** A new batch from its list of scans; it starts at once. */
  async start(scans: readonly string[], name: string, operator: string): Promise<BatchView> {
    const entries = listEntries(scans);
    const id = randomUUID();
    const at = this.deps.now().toISOString();
    await this.deps.store.create({ id, name: name || defaultName(this.deps.now()), operator, stationId: this.deps.stationId, entries, at });
    this.deps.log(`batch ${id}: ${entries.length} orders started by ${operator || 'the station'}`);
    const view = await this.load(id);
    this.resumeRun(view, operator);
    return this.view(id);
  }

  async pause(id: string): Promise<BatchSummary> {
    const run = this.runs.get(id);
    const view = await this.load(id);
    if (!run || run.state === 'paused' || run.state === 'done') return summaryOf(view);
    run.state = run.inFlight > 0 ? 'pausing' : 'paused';
    await this.deps.store.setState(id, run.state, this.deps.now().toISOString());
    return this.announce(run);
  }

  /** Goes on with a paused batch (also one paused by a restart), as `operator`. */
  async resume(id: string, operator: string): Promise<BatchSummary> {
    const view = await this.load(id);
    if (view.state === 'done') {
      throw new StationError(
        'batch_finished',
        'This batch is finished: every order in it has an outcome.',
        'Start a new batch for other orders.',
      );
    }
    const run = this.runs.get(id);
    if (run && (run.state === 'running' || run.state === 'pausing')) {
      run.state = 'running';
      await this.deps.store.setState(id, 'running', this.deps.now().toISOString());
      this.pump(run);
      return this.announce(run);
    }
    this.resumeRun(view, operator || view.operator);
    return summaryOf(await this.view(id));
  }

  async view(id: string): Promise<BatchView> {
    const run = this.runs.get(id);
    const stored = await this.load(id);
    if (!run) return stored;
    // The run's memory is ahead of the database by at most the writes in flight.
    return { ...stored, state: run.state, entries: run.entries, counts: countEntries(run.entries) };
  }

  async list(limit = 20): Promise<BatchSummary[]> {
    const stored = await this.deps.store.list(this.deps.stationId, limit);
    return stored.map((summary) => {
      const run = this.runs.get(summary.id);
      return run ? { ...summary, state: run.state, counts: countEntries(run.entries) } : summary;
    });
  }

  /**
   * At start: a batch this station left running (a crash, a restart) is paused with a note; its
   * entries caught running go back to pending. The operator resumes it.
   */
  async recover(): Promise<void> {
    for (const id of await this.deps.store.unfinished(this.deps.stationId)) {
      const at = this.deps.now().toISOString();
      const requeued = await this.deps.store.requeueRunning(id, at);
      const view = await this.load(id);
      if (view.state === 'paused' && requeued === 0) continue;
      await this.deps.store.setState(
        id,
        'paused',
        at,
        'The station stopped while this batch was running. Press Resume to go on: orders that already have a label are not bought again.',
      );
      this.deps.log(`batch ${id}: paused after a restart (${requeued} orders were in flight)`);
    }
  }

  /** Stops starting entries and waits (bounded by the caller) for the ones in flight. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.runs.values()].map((run) => run.idle));
  }

  private async load(id: string): Promise<BatchView> {
    const view = await this.deps.store.view(id);
    if (!view) throw new StationError('batch_not_found', 'That batch is not on this station.', 'Open the list of batches and pick one.');
    return view;
  }

  private resumeRun(view: BatchView, operator: string): void {
    const entries = view.entries.map((entry) => ({ ...entry }));
    let setIdle = () => {};
    const run: Run = {
      id: view.id,
      operator,
      entries,
      state: 'running',
      inFlight: 0,
      running: new Map(),
      busyWaiting: new Set(),
      turns: new PrintTurns(entries.filter((e) => FINAL.has(e.state)).map((e) => e.position)),
      idle: Promise.resolve(),
      setIdle: () => setIdle(),
    };
    run.idle = new Promise<void>((resolve) => (setIdle = resolve));
    this.runs.set(view.id, run);
    void this.deps.store.setState(view.id, 'running', this.deps.now().toISOString()).then(
      () => this.pump(run),
      (error: unknown) => this.stopOnStoreFailure(run, error),
    );
  }

  private pump(run: Run): void {
    while (run.state === 'running' && !this.closing && run.inFlight < Math.max(1, this.deps.concurrency())) {
      const next = run.entries.find((entry) => entry.state === 'pending');
      if (!next) break;
      next.state = 'running';
      run.inFlight += 1;
      const work = this.runEntry(run, next);
      run.running.set(next.position, work);
      void work.finally(() => {
        run.running.delete(next.position);
        run.inFlight -= 1;
        run.turns.pass(next.position);
        this.pump(run);
        void this.settleIfIdle(run);
      });
    }
    void this.settleIfIdle(run);
  }

  private async runEntry(run: Run, entry: BatchEntry): Promise<void> {
    const at = () => this.deps.now().toISOString();
    try {
      await this.deps.store.updateEntry(run.id, entry.position, { state: 'running' }, at());
    } catch (error) {
      // Not recorded as running: not started (a crash now would lose nothing).
      entry.state = 'pending';
      this.stopOnStoreFailure(run, error);
      return;
    }
    this.announce(run, entry);
    let update: EntryUpdate;
    try {
      // Bought several at a time, queued for the printer in list order; the durable queue keeps that order.
      const options: ScanJobOptions = {
        beforePrint: () => run.turns.turn(entry.position),
        printQueued: () => run.turns.pass(entry.position),
      };
      let outcome = await this.deps.scan(run.operator, entry.scan, options);
      if (outcome.outcome === 'failed' && outcome.problem.code === 'order_busy') {
        // Most likely the same order written another way elsewhere in the list, in flight now. This
        // entry gives up its print turn (the other one may be waiting for it), waits for the entries
        // in flight to end, and asks once more: the scan then says "already labelled".
        run.turns.pass(entry.position);
        run.busyWaiting.add(entry.position);
        const others = [...run.running].filter(([position]) => position !== entry.position && !run.busyWaiting.has(position));
        await Promise.all(others.map(([, done]) => done));
        run.busyWaiting.delete(entry.position);
        outcome = await this.deps.scan(run.operator, entry.scan, options);
      }
      update = entryUpdate(outcome, run.entries, entry.position);
    } catch (error) {
      this.deps.log(`batch ${run.id}: order on line ${entry.position} ended unexpectedly: ${(error as Error).name}`);
      update = {
        state: 'failed',
        message: 'The station hit an unexpected error on this order. Scan it on its own to see what happened.',
      };
    }
    Object.assign(entry, {
      state: update.state,
      ...(update.orderId !== undefined && { orderId: update.orderId }),
      ...(update.message !== undefined && { message: update.message }),
      ...(update.tracking !== undefined && { tracking: update.tracking }),
      ...(update.queued !== undefined && { queued: update.queued }),
    });
    try {
      await this.deps.store.updateEntry(run.id, entry.position, update, at());
    } catch (error) {
      // The history holds the label itself; the entry stays "running" there and is settled by the scan job on resume.
      this.deps.log(`batch ${run.id}: outcome of line ${entry.position} not saved: ${(error as Error).message}`);
    }
    this.announce(run, entry);
  }

  private async settleIfIdle(run: Run): Promise<void> {
    if (run.inFlight > 0) return;
    const pending = run.entries.some((entry) => entry.state === 'pending');
    if (run.state === 'running' && pending && !this.closing) return;
    if ((run.state === 'running' || run.state === 'pausing') && !pending) {
      run.state = 'done';
      this.deps.log(`batch ${run.id}: done (${JSON.stringify(countEntries(run.entries))})`);
    } else if (run.state === 'pausing') {
      run.state = 'paused';
    }
    run.setIdle();
    if (run.state === 'done' || run.state === 'paused') {
      await this.deps.store.setState(run.id, run.state, this.deps.now().toISOString()).catch(() => undefined);
      this.announce(run);
    }
  }

  private stopOnStoreFailure(run: Run, error: unknown): void {
    this.deps.log(`batch ${run.id}: paused, the history could not be written (${(error as Error).message})`);
    run.state = run.inFlight > 0 ? 'pausing' : 'paused';
    void this.settleIfIdle(run);
    this.announce(run);
  }

  private announce(run: Run, entry?: BatchEntry): BatchSummary {
    const summary: BatchSummary = {
      id: run.id,
      name: '',
      state: run.state,
      createdAt: '',
      updatedAt: this.deps.now().toISOString(),
      operator: run.operator,
      note: '',
      counts: countEntries(run.entries),
    };
    this.deps.events.emit('batchProgress', {
      batchId: run.id,
      state: run.state,
      counts: summary.counts,
      ...(entry && { entry: { ...entry } }),
    });
    return summary;
  }
}

/** What a scan's outcome means for its entry; an order met earlier in the list is a duplicate. */
export function entryUpdate(outcome: ScanOutcome, entries: readonly BatchEntry[], position: number): EntryUpdate {
  const orderId = 'order' in outcome ? outcome.order.orderId : 'label' in outcome && outcome.label ? outcome.label.orderId : null;
  // Another line of the list with this order that has its label (usually an earlier one).
  const earlier = orderId
    ? entries.find((e) => e.position !== position && e.orderId === orderId && (e.state === 'bought' || e.state === 'already_labelled'))
    : undefined;
  const duplicate = (): EntryUpdate => ({
    state: 'duplicate',
    orderId,
    message: `Same order as line ${earlier!.position}: listed twice, bought once.`,
  });
  switch (outcome.outcome) {
    case 'printed':
      return {
        state: 'bought',
        orderId,
        tracking: outcome.label.trackingNumbers[0] ?? null,
        message: outcome.warning ?? '',
        queued: false,
      };
    case 'queued':
      return { state: 'bought', orderId, tracking: outcome.label.trackingNumbers[0] ?? null, message: outcome.message, queued: true };
    case 'already_labelled':
      if (earlier) return duplicate();
      return { state: 'already_labelled', orderId, tracking: outcome.label.trackingNumbers[0] ?? null, message: outcome.message };
    case 'print_failed':
      return {
        state: 'failed',
        orderId,
        tracking: outcome.label.trackingNumbers[0] ?? null,
        message: `Label bought and saved, but not printed: ${outcome.problem.message} ${outcome.problem.nextStep}`,
      };
    case 'split_needed':
      return { state: 'failed', orderId, message: outcome.message };
    // The station checks items before buying (Settings): a batch cannot do that check, so nothing is bought.
    case 'check_needed':
      return { state: 'failed', orderId, message: `${outcome.message} Scan this order on the Scan screen to check its items.` };
    case 'failed':
      if (earlier && outcome.problem.code === 'order_busy') return duplicate();
      return { state: 'failed', orderId, message: `${outcome.problem.message} ${outcome.problem.nextStep}`.trim() };
  }
}

function summaryOf(view: BatchView): BatchSummary {
  const { entries: _entries, ...summary } = view;
  return summary;
}

function defaultName(now: Date): string {
  return `Batch ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
}
