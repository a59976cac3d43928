/** Which labels' files this station removed from its disk (retention): the rows stay, marked. */
import type { HistoryDatabase } from './database';

/** Ids per statement: well under SQLite's and PostgreSQL's parameter limits. */
const IDS_PER_UPDATE = 500;

export class LabelFileMarks {
  constructor(private readonly history: HistoryDatabase) {}

  /** Marks the labels whose files were removed at `at` (ISO); returns how many rows it marked. */
  async markPruned(ids: readonly string[], at: string): Promise<number> {
    let marked = 0;
    for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
      const chunk = ids.slice(i, i + IDS_PER_UPDATE);
      const result = await this.history.db
        .updateTable('labels')
        .set({ file_pruned_at: at })
        .where('id', 'in', chunk)
        .where('file_pruned_at', 'is', null)
        .executeTakeFirst();
      marked += Number(result.numUpdatedRows);
    }
    return marked;
  }

  /** When the label's file was removed, or null while it is on disk (or was downloaded again). */
  async prunedAt(id: string): Promise<string | null> {
    const row = await this.history.db.selectFrom('labels').select('file_pruned_at').where('id', '=', id).executeTakeFirst();
    return row?.file_pruned_at ?? null;
  }
}
