/**
 * Starts the AfterShip fake in a worker thread: for tests that count 429s against a station core
 * running in the test's own process, so the station's busy moments (SQLite writes, GC) do not delay
 * the fake's reading of a request and make requests that left well spaced look bunched.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FakeAfterShipOptions } from './aftership-server';

export interface WorkerAfterShipState {
  created: Array<{ orderId: string; id: string }>;
  rateLimitedCount: number;
  /** When each API request arrived (ms since the epoch). */
  apiArrivals: number[];
  apiRequests: number;
}

export interface WorkerAfterShip {
  baseUrl: string;
  state(): Promise<WorkerAfterShipState>;
  close(): Promise<void>;
}

export async function startFakeAfterShipInWorker(options: Omit<FakeAfterShipOptions, 'now'>): Promise<WorkerAfterShip> {
  // The worker runs TypeScript through tsx's loader, registered before the fake is imported.
  const entry = new URL('./aftership-worker.ts', import.meta.url).href;
  // tsx's ESM entry (require.resolve finds its CommonJS twin beside it).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: options });
  let nextId = 1;
  const pending = new Map<number, (value: { state?: WorkerAfterShipState }) => void>();
  const baseUrl = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { baseUrl: string }) => resolve(message.baseUrl));
  });
  worker.on('message', (message: { id?: number; state?: WorkerAfterShipState }) => {
    if (message.id === undefined) return;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const ask = (op: 'state' | 'close') =>
    new Promise<{ state?: WorkerAfterShipState }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ id, op });
    });
  return {
    baseUrl,
    state: async () => (await ask('state')).state!,
    close: async () => {
      await Promise.race([ask('close'), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await worker.terminate();
    },
  };
}
