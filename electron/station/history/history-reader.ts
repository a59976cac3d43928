/**
 * History's reads that may take more than a few milliseconds (searches over a million labels, the
 * start-up pass over labels without a file), answered by a worker thread on its own read-only
 * connection: the station's event loop, which buys and prints, only waits for the answer.
 * PostgreSQL needs none of this: node-postgres is already asynchronous.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HistoryPage, HistorySearch } from '../../../shared/domain/history-search';
import type { HistoryReads, StoredLabel } from './history-store';

export type ReaderRequest = { id: number } & ({ op: 'search'; search: HistorySearch } | { op: 'missingFiles'; since?: string });
export type ReaderReply = { id: number; result: unknown } | { id: number; error: string };

export class HistoryReader implements HistoryReads {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ReaderReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(new Error(`History could not be read: ${reply.error}`));
      else waiting.resolve(reply.result);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('History’s reader stopped.')));
  }

  /** A reader on the station's SQLite file (already open, migrated and in WAL mode). */
  static async start(file: string): Promise<HistoryReader> {
    const worker = startWorker(file);
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', () => {
        worker.off('error', reject);
        // Idle, the reader never keeps the station's process alive by itself (see ask).
        worker.unref();
        resolve();
      });
    });
    return new HistoryReader(worker);
  }

  search(search: HistorySearch): Promise<HistoryPage> {
    return this.ask({ op: 'search', search }) as Promise<HistoryPage>;
  }

  listMissingFiles(since?: string): Promise<StoredLabel[]> {
    return this.ask({ op: 'missingFiles', ...(since !== undefined && { since }) }) as Promise<StoredLabel[]>;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.ref(); // until it has gone
    this.worker.postMessage({ op: 'close' });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await this.worker.terminate();
  }

  private ask(request: { op: 'search'; search: HistorySearch } | { op: 'missingFiles'; since?: string }): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('History’s reader is closed.'));
    const id = this.nextId++;
    // While a question is out, the answer keeps the process alive (as a socket would).
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request } satisfies ReaderRequest);
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * The worker's code: built beside the bundle (dist/electron/history-reader-worker.js, see
 * scripts/build-electron.mjs); from source (tests, tsx) it is TypeScript, loaded through tsx.
 */
function startWorker(file: string): Worker {
  const here = import.meta.url;
  if (!/\.ts$/.test(here)) return new Worker(new URL('./history-reader-worker.js', here), { workerData: { file } });
  const entry = new URL('./history-reader-worker.ts', here).href;
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: { file } });
}
