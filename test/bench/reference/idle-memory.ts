/**
 * What this machine charges to read memory that sat untouched for a while: the reference for a
 * search's first-time figures. A search reads a few hundred pages of the database scattered over
 * it (PostgreSQL's shared buffers or the OS page cache); on a virtual machine whose host reclaims
 * the guest's idle memory, each such page costs many times a page read again, however the search
 * is written. holdIdleMemory() fills a buffer now; readAfterIdle() later reads PAGES 8 KB pages
 * spread over it, twice.
 */
const PAGE = 8192;
const PAGES = 300;
const SIZE = 256 * 1024 * 1024;

export interface IdleMemory {
  /** Per page, in µs: the first read after the idle time, and the same pages read again. */
  readAfterIdle(): { idleSeconds: number; firstMicros: number; againMicros: number };
}

export function holdIdleMemory(): IdleMemory {
  const memory = Buffer.alloc(SIZE, 1);
  const heldAt = performance.now();
  return {
    readAfterIdle() {
      const idleSeconds = (performance.now() - heldAt) / 1000;
      // Pages spread over the buffer, none next to another (no read-ahead helps).
      const pages = Array.from({ length: PAGES }, (_, n) => ((n * 7919) % (SIZE / PAGE)) * PAGE);
      let sum = 0;
      const readAll = () => {
        const at = performance.now();
        for (const page of pages) for (let byte = 0; byte < PAGE; byte += 64) sum += memory[page + byte]!;
        return ((performance.now() - at) * 1000) / PAGES;
      };
      const firstMicros = readAll();
      const againMicros = readAll();
      if (sum === 0) throw new Error('unreachable: the buffer is filled with ones');
      return { idleSeconds, firstMicros, againMicros };
    },
  };
}
