/**
 * The real station for the e2e specs: the real station core and history (createStationCore +
 * createNodeStores in a temp folder) behind the browser shell, printing to a loopback fake Zebra
 * that answers ~HS (test/fakes/zebra-status-printer.ts). Providers are the sandbox or the loopback
 * fakes of AfterShip, TikTok and Shipium, passed in through `env` like a fleet set-up would.
 *
 * Settings given in `settings` are saved through the station's own updateSettings (so they stay
 * editable in Settings); ones given in `env` are presets and show as locked, as in production.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createNodeStores, createStationCore, type StationCore, type StationCoreOptions } from '../../electron/station';
import { createSignedInCore, TEST_HASH_COST } from './signed-in-core';
import { startWebShell, type WebShell } from '../../electron/web/server';
import type { PrinterProfile } from '../../shared/domain/printers';
import type { SecretName, SettingsPatch } from '../../shared/domain/settings';
import { FileSecretStore } from '../../electron/station/settings/node-stores';
import { startCapturePrinter, type CapturePrinter } from '../fakes/capture-printer';
import { withUsbPrinters, type DiscoveredPrinter } from '../fakes/screen-state-core';
import { startZebraStatusPrinter, type ZebraPrinterOptions, type ZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { RENDERER_DIR } from './browser';
import { startCupsServer } from './cups-server';
import { makeTempDir } from './temp-dir';

export { openStation, scan } from './browser';

export interface E2EStationOptions {
  /** Environment of the station process (presets are locked in Settings). */
  env?: Record<string, string>;
  /** Saved before the page opens, as a supervisor would in Settings. */
  settings?: SettingsPatch;
  /** The default printer is the fake Zebra; `lockPrinter` presets its address by LABEL_STATION_PRINTER instead of saving it. */
  lockPrinter?: boolean;
  /** How the fake Zebra starts (state, answers ~HS or not). */
  zebra?: ZebraPrinterOptions;
  /** Core options tests may shorten (print queue polling, provider timeouts, the "none" re-ask delay, the fleet database check). */
  core?: Pick<StationCoreOptions, 'labelChecks' | 'printTiming' | 'providerTimeoutMs' | 'fleetTiming' | 'batchInFlight' | 'outboxTiming'>;
  /** Scans (or anything else) done on the core before the page opens; runs after `settings`. */
  seed?: (core: StationCore, printer: ZebraStatusPrinter) => Promise<void>;
  /**
   * The station restarts after `seed`, on the same data folder, as after a power cut: what it only
   * held in memory is gone (e.g. that a parcel was set aside here, so a late label is not printed by itself).
   */
  restartAfterSeed?: boolean;
  /** What happens to the data folder while the station is stopped for `restartAfterSeed` (a disk fault, a file put back). */
  whileStopped?: (dataDir: string) => void;
  /**
   * The USB printers "Find printers" lists, instead of this machine's own (see test/fakes/screen-state-core.ts:
   * the only state not produced by the real core). Without it, discovery is entirely the real core's.
   */
  usbPrinters?: DiscoveredPrinter[];
  /**
   * 'none': no operator exists and nobody is signed in (the first start: demo users on the sandbox,
   * "Create the first supervisor" on a real provider). Settings then come only from `env`.
   * Default: the preset supervisor (test/support/signed-in-core.ts) is signed in.
   */
  operators?: 'none';
}

export interface E2EStation {
  core: StationCore;
  shell: WebShell;
  /** The default printer: a loopback Zebra whose state the test sets (paper_out, head_open, no answer...). */
  printer: ZebraStatusPrinter;
  dataDir: string;
  /** The station's default printer profile as saved (its address is the fake Zebra's). */
  labelPrinter: PrinterProfile;
  /** A secret as the station stored it on disk (its encrypted secret store), to prove what a form saved. */
  storedSecret(name: SecretName): string | undefined;
  close(): Promise<void>;
}

/** Fast enough for a test, slow enough to be a real queue: a held label is asked about every 250 ms. */
const TEST_PRINT_TIMING = { statusPollMs: 250, retryDelaysMs: [400, 800, 1600] };

export interface LoopbackCore {
  core: StationCore;
  /** The default printer: a loopback Zebra whose state the test sets (paper_out, head_open, no answer...). */
  printer: ZebraStatusPrinter;
  dataDir: string;
  /** What the core and the shell logged (E2E_STATION_LOG=1 also prints it). */
  logs: string[];
  /** Closes the core and the printer, and removes the data folder; fails if the station hit an unexpected error. */
  close(): Promise<void>;
}

function logInto(logs: string[]): (line: string) => void {
  return (line) => {
    logs.push(line);
    if (process.env.E2E_STATION_LOG) console.error(`[station] ${line}`);
  };
}

/** A station that answered internal_error hid a bug from the screen under test: say so when it closes. */
function unexpectedErrors(logs: string[]): Error | undefined {
  const unexpected = logs.filter((line) => line.includes('failed unexpectedly'));
  return unexpected.length ? new Error(`the station hit unexpected errors:\n${unexpected.join('\n')}`) : undefined;
}

/**
 * The real station core alone (no shell): sandbox provider with no delay, printing to a loopback
 * Zebra, in a temporary data folder. startStation puts the browser shell in front of it; the browser
 * shell's own tests (test/electron/web) start their shell themselves.
 */
export async function startLoopbackCore(options: Omit<E2EStationOptions, 'usbPrinters'> = {}): Promise<LoopbackCore> {
  const temp = makeTempDir();
  const logs: string[] = [];
  const log = logInto(logs);
  const printer = await startZebraStatusPrinter(options.zebra);
  let core: StationCore | undefined;
  const open = () =>
    (options.operators === 'none' ? createStationCore : createSignedInCore)({
      operatorHashCost: TEST_HASH_COST,
      dataDir: temp.dir,
      shell: 'web',
      ...createNodeStores(temp.dir),
      env: {
        ...(options.lockPrinter ? { LABEL_STATION_PRINTER: printer.address } : {}),
        ...options.env,
      },
      printTiming: TEST_PRINT_TIMING,
      log,
      ...options.core,
    });
  try {
    core = await open();
    // No sandbox delay unless a test asks for one (the first scan's steps still all show).
    if (options.env?.LABEL_STATION_SANDBOX_LATENCY_MS === undefined && options.operators !== 'none')
      await core.handlers.updateSettings({ sandbox: { latencyMs: 0 } });
    if (!options.lockPrinter && options.operators !== 'none') await core.handlers.updateSettings({ printer: { address: printer.address } });
    if (options.settings) await core.handlers.updateSettings(withZebra(options.settings, printer.address));
    await options.seed?.(core, printer);
    if (options.restartAfterSeed) {
      await core.close();
      core = undefined;
      options.whileStopped?.(temp.dir);
      core = await open();
    }
  } catch (error) {
    await core?.close();
    await printer.close();
    temp.remove();
    throw error;
  }
  const started = core;
  return {
    core: started,
    printer,
    dataDir: temp.dir,
    logs,
    async close() {
      await started.close();
      await printer.close();
      temp.remove();
      const failure = unexpectedErrors(logs);
      if (failure) throw failure;
    },
  };
}

export async function startStation(options: E2EStationOptions = {}): Promise<E2EStation> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npx vite build\` first (npm run test:e2e does).`);
  }
  const station = await startLoopbackCore(options);
  const { core, printer, dataDir } = station;
  let shell: WebShell;
  try {
    const shown = options.usbPrinters ? withUsbPrinters(core, options.usbPrinters) : core;
    shell = await startWebShell({ core: shown, staticDir: RENDERER_DIR, port: 0, log: logInto(station.logs) });
  } catch (error) {
    await station.close();
    throw error;
  }
  const settings = await core.handlers.getSettings({});
  const labelPrinter = settings.printers.list.find((p) => p.id === settings.printers.defaultId)!;
  const started = shell;
  return {
    core,
    shell,
    printer,
    dataDir,
    labelPrinter,
    storedSecret: (name) => new FileSecretStore(dataDir).get(name),
    async close() {
      await started.close();
      await station.close();
    },
  };
}

/** `ZEBRA` in a printer address of the settings stands for the fake Zebra's address. */
export const ZEBRA = 'tcp://zebra.invalid:9100';

function withZebra(patch: SettingsPatch, address: string): SettingsPatch {
  return JSON.parse(JSON.stringify(patch).replaceAll(ZEBRA, address)) as SettingsPatch;
}

/** Waits until the page shows the station's answer to something it polls (e.g. the printer status). */
export function rpcAnswer(page: Page, method: string, contains: string): Promise<unknown> {
  return page.waitForResponse(async (r) => r.url().includes(`/rpc/${method}`) && (await r.text()).includes(contains));
}

export interface PrivateCups {
  /** Each queue's loopback capture printer (a raw CUPS queue sends it the bytes as they are). */
  queues: Record<string, CapturePrinter>;
  close(): Promise<void>;
}

/**
 * A private CUPS scheduler on 127.0.0.1 (test/support/cups-server.ts) with raw queues, each to its
 * own capture printer. The station finds CUPS through CUPS_SERVER like `lp` and `lpstat` do: it is
 * set for this process (the station core runs in it) until close().
 */
export async function startPrivateCups(names: string[]): Promise<PrivateCups> {
  const cups = await startCupsServer();
  const queues: Record<string, CapturePrinter> = {};
  const previous = process.env.CUPS_SERVER;
  try {
    for (const name of names) {
      queues[name] = await startCapturePrinter();
      await cups.addRawQueue(name, `socket://127.0.0.1:${queues[name].port}`);
    }
  } catch (error) {
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await cups.stop();
    throw error;
  }
  process.env.CUPS_SERVER = cups.server;
  return {
    queues,
    async close() {
      if (previous === undefined) delete process.env.CUPS_SERVER;
      else process.env.CUPS_SERVER = previous;
      await cups.stop();
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
