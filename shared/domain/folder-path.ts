import { z } from 'zod';

/**
 * A folder a supervisor names (backups, exports): a full path on this computer (/srv/backups,
 * D:\Backups, a shared drive \\server\share\backups) or '' for the default inside the data folder.
 */
export function fullFolderPath(example: string) {
  return z
    .string()
    .trim()
    .max(500, 'A folder path is at most 500 characters.')
    .refine((s) => [...s].every((c) => c.charCodeAt(0) >= 32), 'A folder path cannot contain control characters.')
    .refine(
      (s) => s === '' || /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(s),
      `Must be a full folder path such as ${example}, or empty for the data folder`,
    );
}
