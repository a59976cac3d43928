/**
 * SQLite reads the newest labels of a shop number's start off labels_scanned_start_newest, one
 * statement for all the starts under the query. A start typed as one character may have more of
 * them than one statement can read: those are found by sorting every number's entry instead.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, sqliteHistory } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { HistorySearchInput } from '../../../../shared/domain/history-search';
import { newLabel, writeBought } from '../../../support/new-label';
import { makeTempDir } from '../../../support/temp-dir';

const MARKS = '0123456789abcdefghijklmnopqrstuvwxyz'.split('');

describe('SQLite: the newest labels of a shop number’s start', () => {
  it('are found when the numbers begin in more ways than one statement reads (every number sorted instead)', async () => {
    const temp = makeTempDir();
    const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
    try {
      let minute = 0;
      const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
      const store = new HistoryStore(sqliteHistory(raw), () => at(minute));
      // 36 × 12 = 432 starts under "@" ("@0a" to "@zl"), five numbers each (more than are taken by
      // key), each on a label older than every label after them, which have none: a walk of the
      // newest finds no page of them.
      const numbered: Array<{ id: string; scanned: string; at: string }> = [];
      let n = 0;
      for (let copy = 0; copy < 5; copy++) {
        for (const first of MARKS) {
          for (const second of MARKS.slice(10, 22)) {
            const scanned = `@${first}${second}${n}`;
            minute = n;
            const id = await writeBought(
              store,
              { ...newLabel(`5769${String(n).padStart(14, '0')}`, `s-${n}`), scanned },
              [`LS${n}`],
              `p-${n}`,
            );
            numbered.push({ id, scanned, at: at(n).toISOString() });
            n++;
          }
        }
      }
      for (let i = 0; i < 2100; i++, n++) {
        minute = n;
        await writeBought(store, newLabel(`5769${String(n).padStart(14, '0')}`, `w-${n}`), [`LS${n}`], `p-${n}`);
      }
      const expected = numbered
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 50)
        .map((l) => l.id);
      const page = await store.search(HistorySearchInput.parse({ query: '@', limit: 50 }));
      expect(page.labels.map((l) => l.id)).toEqual(expected);
      const shorter = await store.search(HistorySearchInput.parse({ query: '@z', limit: 50 }));
      const underZ = numbered.filter((l) => l.scanned.startsWith('@z')).sort((a, b) => b.at.localeCompare(a.at));
      expect(shorter.labels.map((l) => l.scanned)).toEqual(underZ.slice(0, 50).map((l) => l.scanned));
      expect(shorter.total).toBe(underZ.length);
    } finally {
      raw.close();
      temp.remove();
    }
  }, 60_000);
});
