/**
 * What a fleet station wrote while the shared database was unreachable, kept in its own SQLite
 * (synchronous=FULL, each entry self-contained) and replayed in order once the database answers: a
 * label bought while the network was down is never lost, even if the station's copy lost its
 * last writes in a power cut.
 */
import type { Kysely } from 'kysely';
import type { LabelFormat, PrintAttempt } from '../../../shared/domain/labels';
import type { StoredLabel } from './history-store';
import type { HistorySchema } from './schema';

export type OutboxEntry =
  | { id: number; kind: 'label'; labelId: string; label: StoredLabel }
  | { id: number; kind: 'attempt'; labelId: string; attempt: Omit<PrintAttempt, 'id'> }
  | { id: number; kind: 'file'; labelId: string; format: LabelFormat; bytes: Uint8Array };

export class FleetOutbox {
  constructor(
    private readonly db: Kysely<HistorySchema>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The label as it is now: the outbox holds what must reach the database, whatever happens to the copy. */
  async addLabel(label: StoredLabel): Promise<void> {
    await this.add('label', label.id, JSON.stringify(label));
  }

  async addAttempt(attempt: Omit<PrintAttempt, 'id'>): Promise<void> {
    await this.add('attempt', attempt.labelId, JSON.stringify(attempt));
  }

  async addFile(labelId: string, format: LabelFormat, bytes: Uint8Array): Promise<void> {
    await this.add('file', labelId, JSON.stringify({ format, bytes: Buffer.from(bytes).toString('base64') }));
  }

  async pending(): Promise<number> {
    const row = await this.db
      .selectFrom('fleet_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The oldest entries first. */
  async next(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db.selectFrom('fleet_outbox').selectAll().orderBy('id').limit(limit).execute();
    return rows.map((row): OutboxEntry => {
      if (row.kind === 'label') return { id: row.id, kind: 'label', labelId: row.label_id, label: JSON.parse(row.payload) as StoredLabel };
      if (row.kind === 'attempt') return { id: row.id, kind: 'attempt', labelId: row.label_id, attempt: JSON.parse(row.payload) };
      const file = JSON.parse(row.payload) as { format: LabelFormat; bytes: string };
      return { id: row.id, kind: 'file', labelId: row.label_id, format: file.format, bytes: Buffer.from(file.bytes, 'base64') };
    });
  }

  async done(id: number): Promise<void> {
    await this.db.deleteFrom('fleet_outbox').where('id', '=', id).execute();
  }

  private async add(kind: OutboxEntry['kind'], labelId: string, payload: string): Promise<void> {
    await this.db.insertInto('fleet_outbox').values({ kind, label_id: labelId, payload, created_at: this.now().toISOString() }).execute();
  }
}
