/** Wires the station core together and implements every method of the contract. */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StationHandlers } from '../../../shared/contract';
import { StationError } from '../../../shared/rpc';
import type { StationCore, StationCoreOptions } from './core-types';
import { openDatabase } from '../history/database';
import { HistoryStore, toPublic, type StoredLabel } from '../history/history-store';
import { LabelFiles } from '../labels/label-files';
import { JobEvents } from './event-bus';
import { choosePrinter, ensureLabelFile, printStoredLabel } from '../labels/label-printing';
import { PrintService } from '../printing/service/print-service';
import { OrderSources } from '../orders/order-sources';
import { resolveOrder } from '../orders/resolve-order';
import { defaultPrinter } from '../../../shared/domain/printers';
import { discoverPrinters, renderPreviewPng, sendToPrinter } from '../printing';
import { printerStatus } from '../printing/status/printer-status';
import { testPrintPayload } from './test-print';
import { PROVIDER_TITLES, ProviderFactory } from '../providers/provider-factory';
import type { ProviderCapabilities } from '../providers/provider';
import { reconcileLabel } from '../labels/reconcile';
import { runScanJob, type ScanJobDeps } from '../labels/scan-job';
import { readEnvPresets } from '../settings/env-presets';
import { SettingsService } from '../settings/settings-service';
import { TikTokAuthorization } from './tiktok-authorization';
import { STATION_VERSION } from './version';

/** Shown while the chosen provider is not configured yet (the scan will say what is missing). */
const UNCONFIGURED_CAPABILITIES: ProviderCapabilities = { tracking: true, void: false, lookup: true, slow: false };

export async function createStationCore(options: StationCoreOptions): Promise<StationCore> {
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  const settings = new SettingsService(options.settingsStore, options.secretStore, readEnvPresets(options.env ?? process.env), log);
  const db = openDatabase(path.join(options.dataDir, 'history.sqlite'));
  const history = new HistoryStore(db);
  const events = new JobEvents();
  const providers = new ProviderFactory(settings, options.dataDir, options.providerTimeoutMs);
  const printing = new PrintService({ db, history, settings: () => settings.current(), log, ...(options.printTiming && { timing: options.printTiming }) });
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

  const requireLabel = (labelId: string): StoredLabel => {
    const label = history.get(labelId);
    if (!label) throw new StationError('label_not_found', 'That label is not in this station’s history.', 'Search History again.');
    return label;
  };

  const handlers: StationHandlers = {
    getStationInfo: async () => {
      const current = settings.current();
      let capabilities = UNCONFIGURED_CAPABILITIES;
      try {
        capabilities = providers.forSettings(current).capabilities;
      } catch {
        // Not configured yet: the scan will say so; the info screen still shows which provider is chosen.
      }
      const printer = defaultPrinter(current.printers);
      return {
        version: STATION_VERSION,
        provider: current.provider,
        providerTitle: PROVIDER_TITLES[current.provider],
        sandbox: current.provider === 'sandbox',
        capabilities,
        printer: printer.address,
        printerName: printer.name,
        dataDir: options.dataDir,
        shell: options.shell,
      };
    },
    submitScan: async ({ scan }) => runScanJob(deps, scan),
    lookupOrder: async ({ scan }) => (await resolveOrder(scan, deps.orderSources.configured(settings.current()), log)).order,
    reprintLabel: async ({ labelId, printerId }) => {
      const label = requireLabel(labelId);
      if (label.status === 'failed' || label.status === 'buying' || label.status === 'unknown') {
        throw new StationError('not_printable', `No label was bought for order ${label.orderId} in this attempt, so there is nothing to print.`, 'Check the order’s other history entries.');
      }
      return (await printStoredLabel(deps, label, { reprint: true, ...(printerId && { printerId }) })).outcome;
    },
    resolveUncertainLabel: async ({ labelId, decision }) => {
      const label = requireLabel(labelId);
      if (label.status !== 'buying' && label.status !== 'unknown') {
        throw new StationError('not_uncertain', `The label for order ${label.orderId} is not waiting for a check.`, 'Nothing to do.');
      }
      if (deps.inFlight.has(label.orderId)) {
        throw new StationError('order_busy', `Order ${label.orderId} is being labelled right now.`, 'Wait for it to finish.');
      }
      if (decision === 'recheck') return toPublic((await reconcileLabel(deps, label)).label);
      const who = settings.current().operator || 'a supervisor';
      log(`label ${label.id} for order ${label.orderId}: ${who} confirmed no label exists`);
      return toPublic(history.setStatus(label.id, 'failed', `${who} checked the provider and confirmed no label exists: the order may be bought again.`));
    },
    searchHistory: async ({ query, filter, limit, offset }) => history.search(query, limit, offset, filter),
    getLabel: async ({ labelId }) => {
      const detail = history.getDetail(labelId);
      if (!detail) throw new StationError('label_not_found', 'That label is not in this station’s history.', 'Search History again.');
      return detail;
    },
    getLabelPreview: async ({ labelId }) => {
      const { bytes } = await ensureLabelFile(deps, requireLabel(labelId));
      const { dpi, media } = defaultPrinter(settings.current().printers);
      const preview = await renderPreviewPng(bytes, { dpi, media });
      return { pngBase64: preview.png.toString('base64'), widthDots: preview.widthDots, heightDots: preview.heightDots };
    },
    getSettings: async () => settings.publicView(),
    updateSettings: async (patch) => {
      const before = settings.current().printers;
      settings.update(patch);
      printing.followMovedPrinters(before, settings.current().printers);
      return settings.publicView();
    },
    setSecret: async ({ secret, value }) => {
      settings.setSecret(secret, value);
      return settings.publicView();
    },
    clearSecret: async ({ secret }) => {
      settings.clearSecret(secret);
      return settings.publicView();
    },
    startTikTokAuthorization: async () => ({ authorizeUrl: tiktokAuth.start() }),
    finishTikTokAuthorization: async ({ codeOrRedirectUrl }) => {
      await tiktokAuth.finish(codeOrRedirectUrl);
      return settings.publicView();
    },
    testPrint: async ({ printerId, draft }) => {
      const printer = draft ?? choosePrinter(settings.current(), printerId);
      try {
        const { bytes } = await sendToPrinter(printer.address, await testPrintPayload(printer));
        return { ok: true, printer: printer.address, bytes };
      } catch (error) {
        if (error instanceof StationError) return { ok: false, printer: printer.address, bytes: 0, problem: error.toProblem() };
        throw error;
      }
    },
    getPrinterStatus: async ({ printerId }) => {
      const printer = choosePrinter(settings.current(), printerId);
      return { printerId: printer.id, ...(await printerStatus(printer)) };
    },
    getPrintQueue: async () => printing.view(),
    resolvePrintJob: async ({ printJobId, action }) => printing.resolve(printJobId, action),
    discoverPrinters: async () => (await discoverPrinters()).map(({ address, name, kind, detail }) => ({ address, name, kind, ...(detail && { detail }) })),
  };

  settleInterruptedPurchases(history, log);
  printing.onChange((view) => events.emit('printQueue', view));
  printing.start();
  let closed = false;
  // In the background at start-up: settle purchases left without an answer, and secure the files of
  // labels bought just before the station stopped, so they can be reprinted without the provider.
  const reconciled = (async () => {
    for (const label of history.listUncertain()) {
      if (closed) return;
      await reconcileLabel(deps, label).catch((error: unknown) => log(`start-up check of label ${label.id} failed: ${(error as Error).name}`));
    }
    for (const label of history.listMissingFiles()) {
      if (closed) return;
      await ensureLabelFile(deps, label).catch((error: unknown) => log(`label ${label.id}: file still not downloaded (${(error as Error).name})`));
    }
  })();

  return {
    handlers,
    events,
    reconciled,
    close: async () => {
      closed = true;
      await reconciled;
      await printing.stop();
      db.close();
    },
  };
}

/**
 * Rows still 'buying' at start-up belong to a purchase the station never heard back from (crash,
 * power cut). Mark them before anything else runs; the background check then asks the provider.
 */
function settleInterruptedPurchases(history: HistoryStore, log: (line: string) => void): void {
  for (const label of history.listByStatus('buying')) {
    history.setStatus(label.id, 'unknown', 'The station stopped while buying this label; it may exist at the provider.');
    log(`label ${label.id} for order ${label.orderId}: interrupted purchase marked unknown`);
  }
}

function stationId(store: StationCoreOptions['settingsStore']): string {
  const existing = store.get('stationId');
  if (typeof existing === 'string' && /^[a-z0-9]{8}$/.test(existing)) return existing;
  const id = randomBytes(5).toString('hex').slice(0, 8);
  store.set('stationId', id);
  return id;
}
