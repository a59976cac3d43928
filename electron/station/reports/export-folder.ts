/**
 * The export folder: which one is in force (LABEL_STATION_EXPORT_DIR, else Settings → Exports, else
 * the data folder's exports/), whether a folder a supervisor names can take files, and the exports
 * this station wrote, so "Show in folder" reveals only those (by name, never a path from the screen).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_DIR_VARIABLE, type ExportFolderView } from '../../../shared/domain/reports';
import { StationError } from '../../../shared/errors';
import { folderProblemWords, probeFolder } from '../settings';

export { folderProblemWords };

export interface ExportFolderInputs {
  /** Settings → Exports ('' = the default). */
  setting: string;
  env: Record<string, string | undefined>;
  dataDir: string;
  /** The core's own option (tests, embedders): wins over everything. */
  override?: string | undefined;
}

export function exportFolderView({ setting, env, dataDir, override }: ExportFolderInputs): ExportFolderView {
  const defaultFolder = path.join(dataDir, 'exports');
  const fromEnv = env[EXPORT_DIR_VARIABLE]?.trim();
  if (override) return { folder: override, setBy: 'environment', defaultFolder };
  if (fromEnv) return { folder: path.resolve(fromEnv), setBy: 'environment', defaultFolder };
  if (setting) return { folder: setting, setBy: 'settings', defaultFolder };
  return { folder: defaultFolder, setBy: 'default', defaultFolder };
}

export function folderUnwritable(folder: string, error: unknown): StationError {
  return new StationError(
    'export_folder_unwritable',
    `The folder ${folder} cannot be written to: ${folderProblemWords(error)}.`,
    'Plug in or connect the drive, pick a folder this station may write to (or create it), or leave the field empty for the data folder; then save again.',
    { 'exports.folder': [`Cannot be written to: ${folderProblemWords(error)}`] },
  );
}

/** Checks that `folder` exists (or is created) and takes a file (see settings/folder-check.ts). */
export async function checkExportFolder(folder: string): Promise<void> {
  try {
    await probeFolder(folder);
  } catch (error) {
    throw folderUnwritable(folder, error);
  }
}

/** How many exports "Show in folder" remembers: one screen shows one; a day's worth is plenty. */
const REMEMBERED = 200;

/** The exports this station wrote since it started: file name -> where it is. */
export class ExportedFiles {
  private readonly files = new Map<string, string>();

  remember(fileName: string, filePath: string): void {
    this.files.set(fileName, filePath);
    if (this.files.size > REMEMBERED) this.files.delete(this.files.keys().next().value!);
  }

  /** Where the export named `fileName` is, if this station wrote it and it is still there. */
  async locate(fileName: string): Promise<string> {
    const filePath = this.files.get(fileName);
    const gone = () =>
      new StationError(
        'export_not_found',
        `The export ${fileName} is not among the files this station wrote since it started, or it was moved or deleted.`,
        'Export again, then use “Show in folder”.',
      );
    if (!filePath) throw gone();
    const found = await stat(filePath).catch(() => null);
    if (!found?.isFile()) throw gone();
    return filePath;
  }
}

/** The browser shell has no file manager to open: it says so (its screens do not offer the button). */
export function showInFolderUnavailable(): StationError {
  return new StationError(
    'show_in_folder_unavailable',
    'This station runs in a browser, which cannot open a folder on the computer.',
    'Open the folder shown under the export in the computer’s file manager.',
  );
}
