/** How a shell (Electron or browser) creates and talks to the station core. */
import type { EventName, EventPayload, StationHandlers } from '../../../shared/contract';
import type { LabelCheckTiming } from '../labels';
import type { PrintTiming } from '../printing';
import type { ScaleTiming } from '../packing';
import type { FleetTiming } from './station-history';
import type { HashCost, KeyValueStore, SecretStore } from '../settings';
import type { StationLogOptions } from './station-log';
import type { RateLimit } from '../systems-api';
import type { OutboxTiming } from '../outbox';

export type { KeyValueStore, SecretStore };

export interface StationEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export interface StationCore {
  handlers: StationHandlers;
  events: StationEvents;
  /** Settles when the first background check of purchases left without an answer has finished. */
  reconciled: Promise<void>;
  close(): Promise<void>;
}

export interface StationCoreOptions {
  dataDir: string;
  shell: 'electron' | 'web';
  settingsStore: KeyValueStore;
  secretStore: SecretStore;
  /** process.env by default; injectable for tests. */
  env?: Record<string, string | undefined>;
  /** Where log lines are echoed (the shell's console); the core also writes them to `<dataDir>/logs/`, scrubbed of secrets. */
  log?: (line: string) => void;
  /** For tests: rotate the log file at a small size. */
  logOptions?: Pick<StationLogOptions, 'rotateAt'>;
  /** The checking window and how often the provider is asked in the background (tests shorten them). */
  labelChecks?: LabelCheckTiming;
  /** How the fleet's shared database is checked and timed out (tests shorten them). */
  fleetTiming?: FleetTiming;
  /** Print queue timings (tests shorten retries and status polling). */
  printTiming?: PrintTiming;
  /** Overrides each provider's own request timeout (tests use short ones). */
  providerTimeoutMs?: number;
  /** Orders of a batch in flight at once (default: per provider, see labels/batch/batch-concurrency.ts). */
  batchInFlight?: number;
  /** scrypt cost of new PIN hashes and of a new fleet's badge key (tests use a cheap one). */
  operatorHashCost?: HashCost;
  /** Scale polling and reconnect timings (tests shorten them). */
  scaleTiming?: Partial<ScaleTiming>;
  /** Write-back delivery timings (tests shorten them; `paused` never starts the loop: a crash before delivering). */
  outboxTiming?: Partial<OutboxTiming> & { paused?: boolean };
  /** Where History exports are written (default: the data folder's exports/; LABEL_STATION_EXPORT_DIR in the shells). */
  exportDir?: string;
  /**
   * Opens the file manager on a file (Electron: shell.showItemInFolder); given only paths of exports
   * this station wrote. Without it (the browser shell) "Show in folder" answers that it cannot.
   */
  revealFile?: (filePath: string) => void | Promise<void>;
  /** The Station API's per-token rate limit (tests use a small one). */
  systemsApiRateLimit?: RateLimit;
}
