/** Wires the station core together; each contract method is one call into the room that owns it. */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StationHandlers } from '../../../shared/contract';
import { HistoryStore, openDatabase } from '../history';
import {
  checkLabelsAtStart,
  choosePrinter,
  decideUncertainLabel,
  LabelFiles,
  labelDetail,
  labelPreview,
  reprintLabel,
  runScanJob,
  settleInterruptedPurchases,
  type ScanJobDeps,
} from '../labels';
import { OrderSources, resolveOrder } from '../orders';
import { discoverPrinters, printerStatus, PrintService } from '../printing';
import { ProviderFactory } from '../providers';
import { readEnvPresets, SettingsService, type KeyValueStore } from '../settings';
import type { StationCore, StationCoreOptions } from './core-types';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { JobEvents } from './event-bus';
import { stationInfo } from './station-info';
import { testPrint } from './test-print';
import { TikTokAuthorization } from './tiktok-authorization';

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
  const history = new HistoryStore(db);
  const events = new JobEvents();
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
    stationId: stationId(options.settingsStore),
    inFlight: new Set(),
    log,
    ...(options.noneConfirmDelayMs !== undefined && { noneConfirmDelayMs: options.noneConfirmDelayMs }),
  };
  const tiktokAuth = new TikTokAuthorization(settings, providers);

  const handlers: StationHandlers = {
    getStationInfo: async () => stationInfo(settings, providers, options.dataDir, options.shell),
    submitScan: async ({ scan }) => runScanJob(deps, scan),
    lookupOrder: async ({ scan }) => (await resolveOrder(scan, deps.orderSources.configured(settings.current()), log)).order,
    reprintLabel: async ({ labelId, printerId }) => reprintLabel(deps, labelId, printerId),
    resolveUncertainLabel: async ({ labelId, decision }) => decideUncertainLabel(deps, labelId, decision),
    searchHistory: async ({ query, filter, limit, offset }) => history.search(query, limit, offset, filter),
    getLabel: async ({ labelId }) => labelDetail(history, labelId),
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
  };

  settleInterruptedPurchases(history, log);
  printing.onChange((view) => events.emit('printQueue', view));
  printing.start();
  let closed = false;
  const reconciled = checkLabelsAtStart(deps, () => closed);

  return {
    handlers,
    events,
    reconciled,
    close: async () => {
      closed = true;
      await reconciled;
      await printing.stop();
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
