/**
 * A whole station in its own process, for the fleet fault-injection suite: it opens a station core
 * on the data folder given, answers station calls read from stdin (one JSON line each) on stdout,
 * and closes the core when stdin ends. SIGKILL is what a crash or a power cut does to it.
 * Usage: node station-process.mjs <dataDir>; the environment configures the station, and
 * TEST_CORE_OPTIONS (JSON) the core's timings.
 */
import { createInterface } from 'node:readline';
import { createNodeStores } from '../../electron/station';
import { createSignedInCore } from './signed-in-core';
import type { StationHandlers } from '../../shared/contract';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: station-process <dataDir>');
const core = await createSignedInCore({
  dataDir,
  shell: 'web',
  ...createNodeStores(dataDir),
  ...JSON.parse(process.env.TEST_CORE_OPTIONS ?? '{}'),
});
await core.reconciled;
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

const handlers = core.handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>;
const lines = createInterface({ input: process.stdin });
const running = new Set<Promise<void>>();
lines.on('line', (line) => {
  const { id, method, input } = JSON.parse(line) as { id: number; method: keyof StationHandlers; input: unknown };
  const call = (async () => {
    try {
      const value = await handlers[method]!(input);
      process.stdout.write(`${JSON.stringify({ id, ok: true, value })}\n`);
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      process.stdout.write(`${JSON.stringify({ id, ok: false, error: { code: code ?? 'error', message: message ?? String(error) } })}\n`);
    }
  })();
  running.add(call);
  void call.finally(() => running.delete(call));
});
lines.on('close', async () => {
  await Promise.allSettled([...running]);
  await core.close();
  process.exit(0);
});
