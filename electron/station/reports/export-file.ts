/**
 * Where an export goes: a file the core writes in the station's export folder (the data folder's
 * `exports/` unless LABEL_STATION_EXPORT_DIR says otherwise). The renderer never names a path: it
 * gets back where the file is. Written under a temporary name and renamed once complete, so a
 * half-written export is never mistaken for a whole one.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryExport, HistoryExportFilter } from '../../../shared/domain/reports';
import { StationError } from '../../../shared/errors';
import { writeHistoryCsv, type ExportSource } from './history-csv';
import { folderProblemWords } from './export-folder';

export async function exportHistoryFile(
  history: ExportSource,
  filter: HistoryExportFilter,
  dir: string,
  now: Date,
  /**
   * false for a folder a supervisor chose (checked and created when saved): a USB stick or share that
   * is away must fail the export, not have its path quietly created on this computer's own disk.
   */
  { createFolder = true }: { createFolder?: boolean } = {},
): Promise<HistoryExport> {
  const fileName = `label-history-${fileStamp(now)}.csv`;
  const target = path.join(dir, fileName);
  const partial = `${target}.part`;
  try {
    if (createFolder) await mkdir(dir, { recursive: true });
    const rows = await writeHistoryCsv(history, filter, createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, target);
    return { path: target, fileName, rows, bytes: (await stat(target)).size };
  } catch (error) {
    // Where the folder itself is gone (or a file), there is no partial file either: removing it must not hide why.
    await rm(partial, { force: true }).catch(() => undefined);
    if (error instanceof StationError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new StationError(
      'export_failed',
      `The export was not saved: the folder ${dir} cannot be written to: ${folderProblemWords(error)}.`,
      code === 'ENOSPC'
        ? 'The disk is full: free some space, then export again.'
        : 'Plug in or connect the drive, or ask a supervisor to pick another export folder in Settings → Exports; then export again.',
    );
  }
}

/** The station's local time to the millisecond, e.g. 20261205-140307-042: two exports never share a name. */
function fileStamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}-${p(date.getMilliseconds(), 3)}`;
}
