/**
 * A station process that scans one order, for fault-injection tests that kill it mid-purchase.
 * Usage: tsx test/support/scan-in-child.ts <dataDir> <scan>; the environment configures the station.
 * Prints the scan outcome as one JSON line.
 */
import { createNodeStores } from '../../electron/station';
import { createSignedInCore } from './signed-in-core';

const [dataDir, scan] = process.argv.slice(2);
if (!dataDir || !scan) throw new Error('usage: scan-in-child <dataDir> <scan>');
const core = await createSignedInCore({
  dataDir,
  shell: 'web',
  ...createNodeStores(dataDir),
  providerTimeoutMs: Number(process.env.TEST_PROVIDER_TIMEOUT_MS ?? 2000),
  labelChecks: { windowMs: Number(process.env.TEST_CHECK_WINDOW_MS ?? 3000), everyMs: 100 },
});
await core.reconciled;
process.stdout.write('ready\n');
const outcome = await core.handlers.submitScan({ scan });
process.stdout.write(`${JSON.stringify({ outcome: outcome.outcome })}\n`);
await core.close();
