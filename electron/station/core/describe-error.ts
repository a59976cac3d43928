/** An error in a few words for a log line or the Health panel: its message for the station's own errors and file system errors, never a stack. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown };
    if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return fsWords(e.code);
    if (typeof e.message === 'string') return e.message.slice(0, 200);
  }
  return 'unexpected error';
}

function fsWords(code: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'the station may not write there';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return `file system error ${code}`;
  }
}
