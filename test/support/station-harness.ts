/** A real station core on a temporary data dir with in-memory stores, for integration tests. */
import { createSignedInCore } from './signed-in-core';
import type { KeyValueStore, SecretStore, StationCore, StationCoreOptions } from '../../electron/station';
import { dispatch, unwrap } from '../../shared/rpc';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { makeTempDir } from './temp-dir';

export interface Harness {
  core: StationCore;
  dataDir: string;
  logs: string[];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** A new core on the same data folder and stores (`next`: options changed for it, e.g. the outbox's timing). */
  restart(next?: HarnessOptions): Promise<void>;
  close(): Promise<void>;
}

/** Core options a test may change: the checking window and the provider timeout. */
export type HarnessOptions = Partial<
  Pick<StationCoreOptions, 'labelChecks' | 'providerTimeoutMs' | 'fleetTiming' | 'systemsApiRateLimit' | 'outboxTiming'>
>;

export async function startStation(env: Record<string, string>, options: HarnessOptions = {}): Promise<Harness> {
  const temp = makeTempDir();
  const kv = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  const settingsStore: KeyValueStore = {
    get: (k) => kv.get(k),
    set: (k, v) => void kv.set(k, structuredClone(v)),
    delete: (k) => void kv.delete(k),
  };
  const secretStore: SecretStore = {
    get: (k) => secrets.get(k),
    set: (k, v) => void secrets.set(k, v),
    delete: (k) => void secrets.delete(k),
  };
  const logs: string[] = [];
  const make = (options: HarnessOptions) =>
    createSignedInCore({
      dataDir: temp.dir,
      shell: 'web',
      settingsStore,
      secretStore,
      env: { LABEL_STATION_SANDBOX_LATENCY_MS: '0', ...env },
      log: (line) => logs.push(line),
      labelChecks: options.labelChecks ?? { windowMs: 3000, everyMs: 100 },
      providerTimeoutMs: options.providerTimeoutMs ?? 1500,
      ...(options.fleetTiming && { fleetTiming: options.fleetTiming }),
      ...(options.systemsApiRateLimit && { systemsApiRateLimit: options.systemsApiRateLimit }),
      ...(options.outboxTiming && { outboxTiming: options.outboxTiming }),
      printTiming: { retryDelaysMs: [100, 200, 400], statusPollMs: 100, statusTimeoutMs: 3000, settleWaitMs: 8000 },
    });
  const harness: Harness = {
    core: await make(options),
    dataDir: temp.dir,
    logs,
    // Through dispatch, exactly as the shells call it: validated input, validated output.
    call: async (method, input) => unwrap(await dispatch(harness.core.handlers, method, input)),
    restart: async (next) => {
      await harness.core.close();
      harness.core = await make({ ...options, ...next });
    },
    close: async () => {
      await harness.core.close();
      temp.remove();
    },
  };
  return harness;
}
