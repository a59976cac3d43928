/**
 * The outbox's rows in the history database (the station's SQLite, or a fleet's shared PostgreSQL
 * so any station can deliver): label events written by trigger, one delivery per event and
 * destination, leased while one station sends it. Per destination, deliveries go in event order:
 * a later one waits while an earlier one is still being retried.
 */
import { sql, type Selectable } from 'kysely';
import type { DeliveryLog, DeliveryLogEntry, DeliveryState } from '../../../shared/domain/writeback';
import type { WritebackHealth } from '../../../shared/domain/health';
import type { HistoryDatabase, OutboxEventsTable } from '../history';

/** An event as the trigger wrote it, with what the fan-out needs of its label. */
export interface OutboxEvent {
  row: number;
  eventId: string;
  type: string;
  labelId: string;
  orderId: string;
  trackingNumbers: string[];
  provider: string;
  station: string;
  occurredAt: string;
  /** The label's purchase request (JSON), which names the order's source; null when not kept. */
  request: string | null;
  /** The order number that was scanned (a Shopify "#1001"), '' for a TikTok order ID. */
  scanned: string;
}

export interface NewDelivery {
  destination: string;
  destinationName: string;
  state: Extract<DeliveryState, 'pending' | 'through_provider' | 'delivered'>;
  note?: string;
}

export interface DueDelivery {
  id: number;
  destination: string;
  attempts: number;
  event: OutboxEvent;
}

export class OutboxStore {
  constructor(private readonly history: HistoryDatabase) {}

  private get db() {
    return this.history.db;
  }

  /** Events no station has fanned out yet, oldest first. */
  async newEvents(limit: number): Promise<OutboxEvent[]> {
    const rows = await this.events().where('e.fanned_out', '=', 0).orderBy('e.id').limit(limit).execute();
    return rows.map(toEvent);
  }

  /**
   * Writes the event's deliveries once: no transaction (the station's SQLite connection is shared
   * by other stores, and a transaction held across awaits would meet theirs), but two idempotent
   * statements: the deliveries (a second fan-out adds none: one per event and destination), then
   * the mark. A crash between them fans out again, harmlessly. False when it was already marked.
   */
  async fanOut(event: OutboxEvent, deliveries: NewDelivery[], now: Date): Promise<boolean> {
    const at = now.toISOString();
    if (deliveries.length > 0) {
      await this.db
        .insertInto('outbox_deliveries')
        .values(
          deliveries.map((d) => ({
            event_row: event.row,
            destination: d.destination,
            destination_name: d.destinationName,
            state: d.state,
            next_try_at: at,
            note: d.note ?? '',
            created_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['event_row', 'destination']).doNothing())
        .execute();
    }
    const marked = await this.db
      .updateTable('outbox_events')
      .set({ fanned_out: 1 })
      .where('id', '=', event.row)
      .where('fanned_out', '=', 0)
      .executeTakeFirst();
    return Number(marked.numUpdatedRows) === 1;
  }

  /**
   * The next deliveries due for each of `destinations`, in event order, at most `perDestination`
   * each: a delivery is due when its time has come, nobody holds it, and no earlier one of its
   * destination is still pending (order per destination).
   */
  async due(destinations: readonly string[], now: Date, perDestination: number): Promise<DueDelivery[]> {
    if (destinations.length === 0) return [];
    const at = now.toISOString();
    const found: DueDelivery[] = [];
    for (const destination of destinations) {
      const rows = await this.db
        .selectFrom('outbox_deliveries as d')
        .innerJoin('outbox_events as e', 'e.id', 'd.event_row')
        .leftJoin('labels as l', 'l.id', 'e.label_id')
        .select(['d.id as delivery_id', 'd.destination', 'd.attempts', 'd.next_try_at', 'd.lease_until'])
        .select(EVENT_COLUMNS)
        .where('d.destination', '=', destination)
        .where('d.state', '=', 'pending')
        .orderBy('d.event_row')
        .orderBy('d.id')
        .limit(perDestination)
        .execute();
      // Only the leading run of due, free rows: the first one that must wait holds back the rest.
      for (const row of rows) {
        if (row.next_try_at > at || (row.lease_until !== null && row.lease_until > at)) break;
        found.push({ id: Number(row.delivery_id), destination: row.destination, attempts: Number(row.attempts), event: toEvent(row) });
      }
    }
    return found;
  }

  /** Takes a delivery for `leaseMs`; false when another station holds it or it is no longer pending. */
  async lease(id: number, by: string, now: Date, leaseMs: number): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('outbox_deliveries')
      .set({ lease_until: new Date(now.getTime() + leaseMs).toISOString(), leased_by: by, updated_at: at })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delivered(id: number, attempts: number, note: string, now: Date): Promise<void> {
    await this.settle(id, { state: 'delivered', attempts, note, last_error: null }, now);
  }

  /** Not delivered: tried again at `nextTryAt`, or set aside ("failed — needs attention") when it is null. */
  async notDelivered(id: number, attempts: number, error: string, nextTryAt: Date | null, now: Date): Promise<void> {
    await this.settle(
      id,
      {
        state: nextTryAt ? 'pending' : 'failed',
        attempts,
        last_error: error.slice(0, 500),
        ...(nextTryAt && { next_try_at: nextTryAt.toISOString() }),
      },
      now,
    );
  }

  /** "Retry now" in Settings: a failed or waiting delivery is due at once, with a fresh count of attempts. */
  async retryNow(id: number, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.db
      .updateTable('outbox_deliveries')
      .set({ state: 'pending', attempts: 0, next_try_at: at, lease_until: null, leased_by: null, updated_at: at })
      .where('id', '=', id)
      .where('state', 'in', ['pending', 'failed'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A destination taken out of Settings: what still waits for it is set aside (kept; "Retry now" sends it if it comes back). */
  async setAside(destination: string, reason: string, now: Date): Promise<number> {
    const result = await this.db
      .updateTable('outbox_deliveries')
      .set({ state: 'failed', last_error: reason, lease_until: null, leased_by: null, updated_at: now.toISOString() })
      .where('destination', '=', destination)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The last `limit` deliveries, newest first, and how many wait or need attention. */
  async log(limit: number): Promise<DeliveryLog> {
    const rows = await this.db
      .selectFrom('outbox_deliveries as d')
      .innerJoin('outbox_events as e', 'e.id', 'd.event_row')
      .select([
        'd.id',
        'd.destination',
        'd.destination_name',
        'd.state',
        'd.attempts',
        'd.next_try_at',
        'd.last_error',
        'd.note',
        'd.updated_at',
        'e.type',
        'e.event_id',
        'e.label_id',
        'e.order_id',
        'e.occurred_at',
      ])
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
    const counts = await this.db
      .selectFrom('outbox_deliveries')
      .select(['state', sql<number>`cast(count(*) as integer)`.as('n')])
      .where('state', 'in', ['pending', 'failed'])
      .groupBy('state')
      .execute();
    const count = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
    const entries = rows.map((r): DeliveryLogEntry => ({
      id: Number(r.id),
      event: r.type,
      eventId: r.event_id,
      labelId: r.label_id,
      orderId: r.order_id,
      destination: r.destination,
      destinationName: r.destination_name,
      state: r.state,
      attempts: Number(r.attempts),
      nextTryAt: r.state === 'pending' ? r.next_try_at : null,
      lastError: r.last_error,
      note: r.note,
      occurredAt: r.occurred_at,
      updatedAt: r.updated_at,
    }));
    return { entries, pending: count('pending'), failed: count('failed') };
  }

  /** What the Health light needs: deliveries set aside, and since when the oldest one waits. */
  async attention(): Promise<WritebackHealth> {
    const failed = await this.db
      .selectFrom('outbox_deliveries')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('state', '=', 'failed')
      .executeTakeFirst();
    const waiting = await this.db
      .selectFrom('outbox_deliveries')
      .select(sql<string | null>`min(created_at)`.as('at'))
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return { failed: Number(failed?.n ?? 0), oldestWaitingAt: waiting?.at ?? null };
  }

  /** Delivered rows older than `before` (and events left without deliveries) are removed; failed ones stay. */
  async prune(before: Date): Promise<void> {
    const at = before.toISOString();
    await this.db
      .deleteFrom('outbox_deliveries')
      .where('state', 'in', ['delivered', 'through_provider'])
      .where('updated_at', '<', at)
      .execute();
    await this.db
      .deleteFrom('outbox_events')
      .where('fanned_out', '=', 1)
      .where('occurred_at', '<', at)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('outbox_deliveries as d').select('d.id').whereRef('d.event_row', '=', 'outbox_events.id'))),
      )
      .execute();
  }

  /** A fleet station's own SQLite is only a copy: the events its triggers write there are the shared database's to send. */
  async clearCopy(): Promise<void> {
    await this.db.deleteFrom('outbox_events').execute();
  }

  private events() {
    return this.db.selectFrom('outbox_events as e').leftJoin('labels as l', 'l.id', 'e.label_id').select(EVENT_COLUMNS);
  }

  private async settle(
    id: number,
    changes: { state: DeliveryState; attempts: number; note?: string; last_error: string | null; next_try_at?: string },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('outbox_deliveries')
      .set({ ...changes, lease_until: null, leased_by: null, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
}

const EVENT_COLUMNS = [
  'e.id as row',
  'e.event_id',
  'e.type',
  'e.label_id',
  'e.order_id',
  'e.tracking_numbers',
  'e.provider',
  'e.station',
  'e.occurred_at',
  'l.request',
  'l.scanned',
] as const;

/** An event row as the queries select it: its id as `row`, with its label's request and scanned number. */
type EventRow = Omit<Selectable<OutboxEventsTable>, 'id' | 'fanned_out'> & { row: number; request: string | null; scanned: string | null };

function toEvent(row: EventRow): OutboxEvent {
  return {
    row: Number(row.row),
    eventId: row.event_id,
    type: row.type,
    labelId: row.label_id,
    orderId: row.order_id,
    trackingNumbers: JSON.parse(row.tracking_numbers) as string[],
    provider: row.provider,
    station: row.station,
    occurredAt: row.occurred_at,
    request: row.request,
    scanned: row.scanned ?? '',
  };
}
