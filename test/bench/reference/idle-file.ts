/**
 * What this machine charges to read a page of a file that nobody read for a while: the other
 * reference for a search's first-time figures (reference/idle-memory.ts is the first). A database
 * reads its pages through the OS page cache; a kernel that reclaims idle page cache on its own (this
 * sandbox's does: a DAMON "pageout" scheme for file pages unused a minute) turns those reads into
 * disk reads however the search is written. holdIdleFile() writes a file now; readAfterIdle() later
 * reads PAGES 8 KB pages spread over it, twice.
 */
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

const PAGE = 8192;
const PAGES = 300;
const SIZE = 256 * 1024 * 1024;

export interface IdleFile {
  /** Per page, in µs: the first read after the idle time, and the same pages read again. */
  readAfterIdle(): { idleSeconds: number; firstMicros: number; againMicros: number };
}

export function holdIdleFile(file: string): IdleFile {
  const chunk = Buffer.alloc(4 * 1024 * 1024, 7);
  const fd = openSync(file, 'w+');
  for (let written = 0; written < SIZE; written += chunk.length) writeSync(fd, chunk, 0, chunk.length, written);
  fsyncSync(fd);
  const heldAt = performance.now();
  return {
    readAfterIdle() {
      const idleSeconds = (performance.now() - heldAt) / 1000;
      // Pages spread over the file, none next to another (read-ahead does not help).
      const offsets = Array.from({ length: PAGES }, (_, n) => ((n * 7919) % (SIZE / PAGE)) * PAGE);
      const page = Buffer.alloc(PAGE);
      const readAll = () => {
        const at = performance.now();
        for (const offset of offsets) readSync(fd, page, 0, PAGE, offset);
        return ((performance.now() - at) * 1000) / PAGES;
      };
      const firstMicros = readAll();
      const againMicros = readAll();
      closeSync(fd);
      return { idleSeconds, firstMicros, againMicros };
    },
  };
}
