/**
 * Retention of cached label files: files of labels bought more than `days` days ago are removed
 * from the station's disk; the label stays in History, marked (file_pruned_at), and a reprint
 * downloads its file again where the provider still serves it (ensureLabelFile). The background
 * pass that secures missing files looks only at labels that never had a file, so a pruned one is
 * not fetched again just to be pruned again.
 *
 * Off the scan path: files are found by their folder (labels/<purchase date>/<id>.<format>, see
 * LabelFiles), never by a scan of the history, and removed in batches of BATCH_FILES with a turn
 * of the event loop between batches; one run removes at most `maxFiles` (the rest go next run).
 */
import { readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

export const BATCH_FILES = 200;
export const MAX_FILES_PER_RUN = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
const LABEL_FILE = /^(.+)\.(pdf|zpl|png)$/;

export interface RetentionMarks {
  markPruned(ids: readonly string[], at: string): Promise<number>;
}

export interface PruneOptions {
  /** The label file folder (the data folder's `labels`). */
  dir: string;
  days: number;
  now: Date;
  marks: RetentionMarks;
  batchFiles?: number;
  maxFiles?: number;
}

export interface PruneResult {
  /** Label files removed. */
  pruned: number;
  /** True when files older than the setting remain (the run stopped at its maximum). */
  more: boolean;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function pruneLabelFiles(opts: PruneOptions): Promise<PruneResult> {
  if (opts.days <= 0) return { pruned: 0, more: false };
  const batchFiles = opts.batchFiles ?? BATCH_FILES;
  const maxFiles = opts.maxFiles ?? MAX_FILES_PER_RUN;
  // A folder is its labels' purchase date (UTC): every label in a folder before this day is older than `days`.
  const firstKept = new Date(opts.now.getTime() - opts.days * DAY_MS).toISOString().slice(0, 10);
  const folders = (await listOrNone(opts.dir)).filter((name) => DAY_FOLDER.test(name) && name < firstKept).sort();
  const at = opts.now.toISOString();
  let pruned = 0;
  for (const folder of folders) {
    const folderPath = path.join(opts.dir, folder);
    const names = await listOrNone(folderPath);
    for (let i = 0; i < names.length; i += batchFiles) {
      if (pruned >= maxFiles) return { pruned, more: true };
      const batch = names.slice(i, Math.min(i + batchFiles, i + maxFiles - pruned));
      const ids: string[] = [];
      for (const name of batch) {
        const label = LABEL_FILE.exec(name);
        // Left-over temporary files of an interrupted write go too; anything else is not ours.
        if (!label && !name.endsWith('.tmp')) continue;
        await unlink(path.join(folderPath, name)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
        if (label) {
          ids.push(label[1]!);
          pruned += 1;
        }
      }
      if (ids.length > 0) await opts.marks.markPruned(ids, at);
      await nextTurn();
    }
    // The day's folder goes once empty (a reprint may have put a file back meanwhile: then it stays).
    if ((await listOrNone(folderPath)).length === 0) await rmdir(folderPath).catch(() => undefined);
  }
  return { pruned, more: false };
}

async function listOrNone(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
