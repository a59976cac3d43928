/**
 * "Show in folder" for exports: the file manager opens on the file, selected. The station core hands
 * this only paths of exports it wrote itself (see electron/station/reports/export-folder.ts); the
 * screen names an export by its file name and never passes a path.
 */
import path from 'node:path';
import { shell } from 'electron';

export function revealInFolder(filePath: string): void {
  // Belt and braces: the core gives full paths; a relative one would be resolved against the app's folder.
  if (!path.isAbsolute(filePath)) throw new Error('Show in folder needs a full path');
  shell.showItemInFolder(filePath);
}
