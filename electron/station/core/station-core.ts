/** Wires the station core together; each contract method is one call into the room that owns it. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../history';
import {
  choosePrinter,
  decideUncertainLabel,
  LabelChecker,
  LabelFiles,
  labelDetail,
  labelPreview,
  printUnprintedLabel,
  reprintLabel,
  runScanJob,
  settleInterruptedPurchases,
  unprintedLabels,
  type ScanJobDeps,
} from '../labels';
import { buyShipment } from '../packing';
import { OrderSources, resolveOrder } from '../orders';
import { discoverPrinters, printerStatus, PrintService } from '../printing';
import { ProviderFactory } from '../providers';
import { readEnvPresets, SettingsService, type KeyValueStore } from '../settings';
import type { StationCore, StationCoreOptions } from './core-types';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { trackInFlight } from './in-flight';
import { openStationHistory, type StationHistory } from './station-history';
import { JobEvents } from './event-bus';
import { stationInfo } from './station-info';
import { testPrint } from './test-print';
import { TikTokAuthorization } from './tiktok-authorization';

/** How long closing waits for calls still running (a scan waiting for its printer takes up to 20 s). */
const CLOSE_DRAIN_MS = 10_000;

export async function createStationCore(options: StationCoreOptions): Promise<StationCore> {
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataFolder(options.dataDir, { shell: options.shell });
  try {
    return await startCore(options, log, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startCore(options: StationCoreOptions, log: (line: string) => void, lock: DataFolderLock): Promise<StationCore> {
  const settings = new SettingsService(options.settingsStore, options.secretStore, readEnvPresets(options.env ?? process.env), log);
  const db = openDatabase(path.join(options.dataDir, 'history.sqlite'));
  const events = new JobEvents();
  let stored: StationHistory;
  try {
    stored = await openStationHistory(db, options.env ?? process.env, log, options.fleetTiming);
  } catch (error) {
    db.close();
    throw error;
  }
  const { history } = stored;
  stored.onChange((status) => events.emit('databaseStatus', status));
  const ownId = stationId(options.settingsStore);
  const providers = new ProviderFactory(settings, options.dataDir, options.providerTimeoutMs);
  const printing = new PrintService({
    db,
    history,
    settings: () => settings.current(),
    log,
    ...(options.printTiming && { timing: options.printTiming }),
  });
  const deps: ScanJobDeps = {
    printing,
    history,
    files: new LabelFiles(path.join(options.dataDir, 'labels')),
    providers,
    orderSources: new OrderSources(settings, providers),
    settings: () => settings.current(),
    events,
    stationName: stationName(options.env ?? process.env, ownId),
    stationId: ownId,
    inFlight: new Set(),
    backgroundChecks: new Map(),
    printWhenFound: new Set(),
    checks: options.labelChecks ?? {},
    now: () => new Date(),
    log,
  };
  const announceUnprinted = () =>
    void unprintedLabels(history).then(
      (labels) => events.emit('unprintedLabels', labels),
      (error: unknown) => log(`unprinted labels not listed: ${(error as Error).message}`),
    );
  const checker = new LabelChecker(deps, announceUnprinted);
  const tiktokAuth = new TikTokAuthorization(settings, providers);

  const calls = trackInFlight({
    getStationInfo: async () => ({
      ...stationInfo(settings, providers, options.dataDir, options.shell),
      stationName: deps.stationName,
      database: stored.status(),
    }),
    submitScan: async ({ scan, parcel }) => afterwards(runScanJob(deps, scan, parcel), announceUnprinted),
    buyShipment: async ({ approval: _approval, ...plan }) => afterwards(buyShipment(deps, plan), announceUnprinted),
    lookupOrder: async ({ scan }) => (await resolveOrder(scan, deps.orderSources.configured(settings.current()), log)).order,
    reprintLabel: async ({ labelId, printerId, box }) => reprintLabel(deps, labelId, printerId, box),
    resolveUncertainLabel: async ({ labelId, decision }) => afterwards(decideUncertainLabel(deps, labelId, decision), announceUnprinted),
    searchHistory: async ({ query, filter, limit, offset }) => history.search(query, limit, offset, filter),
    getLabel: async ({ labelId }) => labelDetail(history, labelId),
    listUnprintedLabels: async () => unprintedLabels(history),
    printLabel: async ({ labelId, printerId }) => afterwards(printUnprintedLabel(deps, labelId, printerId), announceUnprinted),
    getLabelPreview: async ({ labelId }) => labelPreview(deps, labelId),
    getSettings: async () => settings.publicView(),
    updateSettings: async (patch) => {
      const before = settings.current().printers;
      settings.update(patch);
      printing.followMovedPrinters(before, settings.current().printers);
      return settings.publicView();
    },
    setSecret: async ({ secret, value }) => (settings.setSecret(secret, value), settings.publicView()),
    clearSecret: async ({ secret }) => (settings.clearSecret(secret), settings.publicView()),
    startTikTokAuthorization: async () => ({ authorizeUrl: tiktokAuth.start() }),
    finishTikTokAuthorization: async ({ codeOrRedirectUrl }) => (await tiktokAuth.finish(codeOrRedirectUrl), settings.publicView()),
    testPrint: async ({ printerId, draft }) => testPrint(draft ?? choosePrinter(settings.current(), printerId)),
    getPrinterStatus: async ({ printerId }) => {
      const printer = choosePrinter(settings.current(), printerId);
      return { printerId: printer.id, ...(await printerStatus(printer)) };
    },
    getPrintQueue: async () => printing.view(),
    resolvePrintJob: async ({ printJobId, action }) => printing.resolve(printJobId, action),
    discoverPrinters: async () =>
      (await discoverPrinters()).map(({ address, name, kind, detail }) => ({ address, name, kind, ...(detail && { detail }) })),
  });

  await settleInterruptedPurchases(history, ownId, deps.now(), log);
  printing.onChange((view) => events.emit('printQueue', view));
  printing.start();
  const reconciled = checker.start();

  return {
    handlers: calls.handlers,
    events,
    reconciled,
    close: async () => {
      await calls.drain(CLOSE_DRAIN_MS);
      await checker.stop();
      await printing.stop();
      await stored.close();
      db.close();
      lock.release();
    },
  };
}

function stationId(store: KeyValueStore): string {
  const existing = store.get('stationId');
  if (typeof existing === 'string' && /^[a-z0-9]{8}$/.test(existing)) return existing;
  const id = randomBytes(5).toString('hex').slice(0, 8);
  store.set('stationId', id);
  return id;
}

/** How the history names this station: LABEL_STATION_NAME, else the computer's name, else its id. */
function stationName(env: Record<string, string | undefined>, id: string): string {
  const name = (env.LABEL_STATION_NAME ?? '').trim() || hostname().trim();
  return (name || `station ${id}`).slice(0, 60);
}

/** Runs `after` once the work settled, whatever its outcome (lists shown on screen may have changed). */
async function afterwards<T>(work: Promise<T>, after: () => void): Promise<T> {
  try {
    return await work;
  } finally {
    after();
  }
}
