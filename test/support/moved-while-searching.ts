/**
 * A write by the station between two statements of one search: the label's time is set back just
 * after the search has read labels_out_of_order (its trigger lists it there then), so a statement
 * that read the list again would set it apart where the list the search read does not hold it.
 */
import type Database from 'better-sqlite3';
import type { PlanStep } from './explained-store';

/** Arms `steps` (of explainedStore on `raw`) to give label `id` the time `createdAt` in the next search, once. */
export function moveWhileSearching(raw: Database.Database, steps: { on: (step: PlanStep) => void }, id: string, createdAt: string): void {
  const before = steps.on;
  let listRead = false;
  steps.on = (step) => {
    before(step);
    const isListRead = /^\s*SELECT search_key AS k FROM labels_out_of_order\b/.test(step.sql);
    if (!listRead) {
      listRead = isListRead;
      return;
    }
    if (isListRead) return;
    raw.prepare('UPDATE labels SET created_at = ?, updated_at = ? WHERE id = ?').run(createdAt, createdAt, id);
    steps.on = before;
  };
}
