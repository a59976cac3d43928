/**
 * A fleet station's history: the warehouse's shared PostgreSQL is the truth (claims, labels, print
 * attempts, files), and the station keeps its own copy of every label it touches in its SQLite.
 * While the shared database cannot be reached the station buys nothing (a claim needs it), reads
 * and reprints from its copy, and keeps what it writes in an outbox replayed once it answers.
 */
import type { DatabaseStatus } from '../../../shared/domain/fleet';
import type { LabelFormat, PrintAttempt } from '../../../shared/domain/labels';
import { StationError } from '../../../shared/errors';
import { isConnectionFailure } from './connection-failure';
import type { FleetDatabase } from './database';
import type { FleetOutbox, OutboxEntry } from './fleet-outbox';
import type { HistoryStore, NewLabel, NewPrintAttempt, StoredLabel } from './history-store';

/** What the station core uses of a history, local or fleet. */
export type LabelHistory = Omit<HistoryStore, 'importLabel' | 'importAttempt' | 'ping' | 'useReader'>;

const REPLAY_BATCH = 100;

type Change = DistributiveOmit<OutboxEntry, 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class FleetHistory implements LabelHistory {
  private reachable = false;
  private migrated = false;
  private pendingWrites = 0;
  private lastProblem = 'not connected yet';
  private readonly listeners = new Set<(status: DatabaseStatus) => void>();
  private connecting: Promise<boolean> | undefined;
  /** Replaying the outbox and deciding "outbox or database" for a new change take turns (see `queued`). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: FleetDatabase,
    private readonly shared: HistoryStore,
    private readonly cache: HistoryStore,
    private readonly outbox: FleetOutbox,
    private readonly log: (line: string) => void,
  ) {}

  status(): DatabaseStatus {
    return {
      mode: 'fleet',
      reachable: this.reachable,
      message: this.reachable
        ? this.pendingWrites
          ? `Warehouse database connected; sending ${this.pendingWrites} change(s) made while it was away.`
          : 'Warehouse database connected.'
        : `The warehouse database is not reachable (${this.lastProblem}): nothing can be bought. Reprints from this station still work.`,
      pendingWrites: this.pendingWrites,
    };
  }

  onChange(listener: (status: DatabaseStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects (migrating once), sends what was written while away, and says whether the database answers. */
  connect(): Promise<boolean> {
    this.connecting ??= this.tryConnect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Called on a timer: reconnects when away, notices a database that went away. */
  async check(): Promise<void> {
    if (!this.reachable) {
      await this.connect();
      return;
    }
    try {
      await this.shared.ping();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      this.wentAway(error);
    }
  }

  // The buying path needs the shared database: the claim is what stops a second station.
  insertBuying(label: NewLabel): Promise<StoredLabel | undefined> {
    return this.online(async () => {
      const claimed = await this.shared.insertBuying(label);
      if (claimed) await this.cache.importLabel(claimed, { supersede: true });
      return claimed;
    });
  }

  listLive(orderId: string): Promise<StoredLabel[]> {
    return this.online(async () => {
      const labels = await this.shared.listLive(orderId);
      for (const label of labels) await this.keep(label);
      return labels;
    });
  }

  completeSince(): Promise<string | null> {
    return this.online(() => this.shared.completeSince());
  }

  orderSeenBefore(orderId: string, besides: string): Promise<boolean> {
    return this.online(() => this.shared.orderSeenBefore(orderId, besides));
  }

  nextGeneration(orderId: string, parcelKey: string): Promise<number> {
    return this.online(() => this.shared.nextGeneration(orderId, parcelKey));
  }

  markBought(id: string, bought: Parameters<HistoryStore['markBought']>[1]): Promise<StoredLabel> {
    return this.change((store) => store.markBought(id, bought));
  }

  attachFile(id: string, file: { format: LabelFormat; filePath: string }): Promise<StoredLabel> {
    return this.change((store) => store.attachFile(id, file));
  }

  setStatus(id: string, status: StoredLabel['status'], error: string | null = null): Promise<StoredLabel> {
    return this.change((store) => store.setStatus(id, status, error));
  }

  markChecking(id: string, checkUntil: string, message: string): Promise<StoredLabel> {
    return this.change((store) => store.markChecking(id, checkUntil, message));
  }

  settlePurchase(id: string, status: Parameters<HistoryStore['settlePurchase']>[1], message: string): Promise<StoredLabel> {
    return this.change((store) => store.settlePurchase(id, status, message));
  }

  clearNoLabel(id: string, who: string, message: string): Promise<StoredLabel> {
    return this.change((store) => store.clearNoLabel(id, who, message));
  }

  async recordPrintAttempt(attempt: NewPrintAttempt): Promise<PrintAttempt> {
    if (this.reachable) {
      try {
        const recorded = await this.shared.recordPrintAttempt(attempt);
        await this.cache.importAttempt(recorded);
        return recorded;
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        this.wentAway(error);
      }
    }
    const recorded = await this.cache.recordPrintAttempt(attempt);
    await this.queued({ kind: 'attempt', labelId: recorded.labelId, attempt: recorded });
    return recorded;
  }

  async readFile(id: string): Promise<{ format: LabelFormat; bytes: Uint8Array } | undefined> {
    return this.read(
      () => this.shared.readFile(id),
      async () => undefined,
    );
  }

  async saveFile(id: string, format: LabelFormat, bytes: Uint8Array): Promise<void> {
    if (this.reachable) {
      try {
        return await this.shared.saveFile(id, format, bytes);
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        this.wentAway(error);
      }
    }
    await this.queued({ kind: 'file', labelId: id, format, bytes });
  }

  async get(id: string): Promise<StoredLabel | undefined> {
    return this.read(
      async () => this.keep(await this.shared.get(id)),
      () => this.cache.get(id),
    );
  }

  getMany(ids: readonly string[]): Promise<StoredLabel[]> {
    return this.read(
      () => this.shared.getMany(ids),
      () => this.cache.getMany(ids),
    );
  }

  getDetail(id: string): ReturnType<HistoryStore['getDetail']> {
    return this.read(
      () => this.shared.getDetail(id),
      () => this.cache.getDetail(id),
    );
  }

  search(...args: Parameters<HistoryStore['search']>): ReturnType<HistoryStore['search']> {
    return this.read(
      () => this.shared.search(...args),
      () => this.cache.search(...args),
    );
  }

  listUncertain(): Promise<StoredLabel[]> {
    return this.read(
      () => this.shared.listUncertain(),
      () => this.cache.listUncertain(),
    );
  }

  listMissingFiles(since?: string): Promise<StoredLabel[]> {
    return this.read(
      () => this.shared.listMissingFiles(since),
      () => this.cache.listMissingFiles(since),
    );
  }

  listUnprinted(): Promise<StoredLabel[]> {
    return this.read(
      () => this.shared.listUnprinted(),
      () => this.cache.listUnprinted(),
    );
  }

  listByStatus(status: StoredLabel['status'], stationId?: string): Promise<StoredLabel[]> {
    return this.read(
      () => this.shared.listByStatus(status, stationId),
      () => this.cache.listByStatus(status, stationId),
    );
  }

  exportPage(...args: Parameters<HistoryStore['exportPage']>): ReturnType<HistoryStore['exportPage']> {
    return this.read(
      () => this.shared.exportPage(...args),
      () => this.cache.exportPage(...args),
    );
  }

  dayActivity(from: string, to: string): ReturnType<HistoryStore['dayActivity']> {
    return this.read(
      () => this.shared.dayActivity(from, to),
      () => this.cache.dayActivity(from, to),
    );
  }

  private async tryConnect(): Promise<boolean> {
    try {
      if (!this.migrated) {
        await this.database.migrate();
        this.migrated = true;
      }
      await this.shared.ping();
      await this.inTurn(async () => {
        await this.replay();
        if (!this.reachable) this.log('warehouse database connected');
        this.reachable = true;
      });
      this.changed();
      return true;
    } catch (error) {
      if (!isConnectionFailure(error)) this.log(`warehouse database refused the station: ${(error as Error).message}`);
      this.wentAway(error);
      return false;
    }
  }

  private async replay(): Promise<void> {
    this.pendingWrites = await this.outbox.pending();
    for (let entries = await this.outbox.next(REPLAY_BATCH); entries.length > 0; entries = await this.outbox.next(REPLAY_BATCH)) {
      for (const entry of entries) {
        await this.send(entry);
        await this.outbox.done(entry.id);
        this.pendingWrites = Math.max(0, this.pendingWrites - 1);
      }
      this.log(`warehouse database: sent ${entries.length} change(s) made while it was unreachable`);
    }
  }

  /** Sends one change made while away; only a lost connection stops the sending. */
  private async send(entry: Change): Promise<void> {
    try {
      if (entry.kind === 'label') {
        await this.shared.importLabel(entry.label);
      } else if (entry.kind === 'attempt') {
        await this.shared.importAttempt(entry.attempt);
      } else {
        await this.shared.saveFile(entry.labelId, entry.format, entry.bytes);
      }
    } catch (error) {
      if (isConnectionFailure(error)) throw error;
      // One change the database refuses must not keep the station away from it for good; the
      // label stays in this station's copy, and the log says which.
      this.log(`warehouse database refused a change to label ${entry.labelId} (${(error as Error).message}); kept in this station's copy`);
    }
  }

  private async online<T>(work: () => Promise<T>): Promise<T> {
    if (!this.reachable && !(await this.connect())) throw databaseAway(this.lastProblem);
    try {
      return await work();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      this.wentAway(error);
      throw databaseAway(this.lastProblem);
    }
  }

  private async read<T>(fromShared: () => Promise<T>, fromCache: () => Promise<T>): Promise<T> {
    if (this.reachable) {
      try {
        return await fromShared();
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        this.wentAway(error);
      }
    }
    return fromCache();
  }

  /** A label changes in the shared database (and the copy follows), or in the copy and the outbox while away. */
  private async change(write: (store: HistoryStore) => Promise<StoredLabel>): Promise<StoredLabel> {
    if (this.reachable) {
      try {
        return await this.keep(await write(this.shared));
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        this.wentAway(error);
      }
    }
    const label = await write(this.cache);
    await this.queued({ kind: 'label', labelId: label.id, label });
    return label;
  }

  /** Keeps the station's copy in step (a read is cheap, a write is an fsync: only when it changed). */
  private async keep<L extends StoredLabel | undefined>(label: L): Promise<L> {
    if (!label) return label;
    const copy = await this.cache.get(label.id);
    if (copy && copy.updatedAt === label.updatedAt && copy.status === label.status && copy.printCount === label.printCount) return label;
    await this.cache.importLabel(label, { supersede: true });
    return label;
  }

  /**
   * A change written to the copy while the database was away. The database may have come back while
   * it was written, after the replay read an empty outbox: then it is sent now, or it would wait in
   * the outbox (and be missing from every reading of the database) until the next time it goes away.
   */
  private async queued(change: Change): Promise<void> {
    const sent = await this.inTurn(async () => {
      if (this.reachable) {
        try {
          await this.send(change);
          return true;
        } catch (error) {
          this.wentAway(error); // send throws only when the connection is lost
        }
      }
      if (change.kind === 'label') await this.outbox.addLabel(change.label);
      else if (change.kind === 'attempt') await this.outbox.addAttempt(change.attempt);
      else await this.outbox.addFile(change.labelId, change.format, change.bytes);
      this.pendingWrites += 1;
      return false;
    });
    if (!sent) this.changed();
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private wentAway(error: unknown): void {
    const problem = describeFailure(error);
    if (this.reachable || problem !== this.lastProblem) this.log(`warehouse database not reachable: ${problem}`);
    this.lastProblem = problem;
    if (!this.reachable) return;
    this.reachable = false;
    this.changed();
  }

  private changed(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ETIMEDOUT' || /timeout/i.test((error as Error)?.message ?? '')) return 'no answer in time';
  if (typeof code === 'string' && code.startsWith('57P')) return 'the database is restarting';
  return 'connection lost';
}

function databaseAway(problem: string): StationError {
  return new StationError(
    'fleet_database_unreachable',
    `The warehouse database is not reachable (${problem}): nothing was bought.`,
    'Set the parcel aside and scan it again once the database light is green. Reprints from History still work.',
  );
}
