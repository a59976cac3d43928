/** Wires the station core together and implements every method of the contract. */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StationHandlers } from '../../shared/contract';
import { StationError } from '../../shared/rpc';
import type { StationCore, StationCoreOptions } from './core-types';
import { openDatabase } from './history/database';
import { HistoryStore, type StoredLabel } from './history/history-store';
import { LabelFiles } from './history/label-files';
import { JobEvents } from './job-events';
import { ensureLabelFile, printStoredLabel } from './label-printing';
import { renderPreviewPng, sendToPrinter, testLabelZpl } from './printing';
import { ProviderFactory } from './provider-factory';
import { runScanJob, type ScanJobDeps } from './scan-job';
import { readEnvPresets } from './settings/env-presets';
import { SettingsService } from './settings/settings-service';
import { STATION_VERSION } from './version';

export async function createStationCore(options: StationCoreOptions): Promise<StationCore> {
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  const settings = new SettingsService(options.settingsStore, options.secretStore, readEnvPresets(options.env ?? process.env), log);
  const db = openDatabase(path.join(options.dataDir, 'history.sqlite'));
  const history = new HistoryStore(db);
  const events = new JobEvents();
  const deps: ScanJobDeps = {
    history,
    files: new LabelFiles(path.join(options.dataDir, 'labels')),
    providers: new ProviderFactory(() => settings.apiKey()),
    settings: () => settings.current(),
    events,
    stationId: stationId(options.settingsStore),
    inFlight: new Set(),
    log,
  };
  settleInterruptedPurchases(history, log);

  const requireLabel = (labelId: string): StoredLabel => {
    const label = history.get(labelId);
    if (!label) throw new StationError('label_not_found', 'That label is not in this station’s history.', 'Search History again.');
    return label;
  };

  const handlers: StationHandlers = {
    getStationInfo: async () => {
      const current = settings.current();
      const provider = current.provider === 'sandbox' ? 'Sandbox (no real labels)' : 'AfterShip Shipping API';
      return {
        version: STATION_VERSION,
        provider: current.provider,
        providerTitle: provider,
        sandbox: current.provider === 'sandbox',
        printer: current.printer.address,
        dataDir: options.dataDir,
        shell: options.shell,
      };
    },
    submitScan: async ({ scan }) => runScanJob(deps, scan),
    reprintLabel: async ({ labelId }) => {
      const label = requireLabel(labelId);
      if (label.status === 'failed' || label.status === 'buying' || label.status === 'unknown') {
        throw new StationError('not_printable', `No label was bought for order ${label.orderId} in this attempt, so there is nothing to print.`, 'Check the order’s other history entries.');
      }
      return (await printStoredLabel(deps, label, { reprint: true })).outcome;
    },
    searchHistory: async ({ query, limit, offset }) => history.search(query, limit, offset),
    getLabel: async ({ labelId }) => {
      const detail = history.getDetail(labelId);
      if (!detail) throw new StationError('label_not_found', 'That label is not in this station’s history.', 'Search History again.');
      return detail;
    },
    getLabelPreview: async ({ labelId }) => {
      const { bytes } = await ensureLabelFile(deps, requireLabel(labelId));
      const preview = await renderPreviewPng(bytes, { dpi: settings.current().printer.dpi });
      return { pngBase64: preview.png.toString('base64'), widthDots: preview.widthDots, heightDots: preview.heightDots };
    },
    getSettings: async () => settings.publicView(),
    updateSettings: async (patch) => {
      settings.update(patch);
      return settings.publicView();
    },
    setApiKey: async ({ apiKey }) => {
      settings.setApiKey(apiKey);
      return settings.publicView();
    },
    clearApiKey: async () => {
      settings.clearApiKey();
      return settings.publicView();
    },
    testPrint: async ({ address, dpi }) => {
      const printer = { ...settings.current().printer, ...(address && { address }), ...(dpi && { dpi }) };
      try {
        const { bytes } = await sendToPrinter(printer.address, Buffer.from(testLabelZpl({ dpi: printer.dpi }), 'ascii'));
        return { ok: true, printer: printer.address, bytes };
      } catch (error) {
        if (error instanceof StationError) return { ok: false, printer: printer.address, bytes: 0, problem: error.toProblem() };
        throw error;
      }
    },
  };

  return {
    handlers,
    events,
    close: async () => {
      db.close();
    },
  };
}

/**
 * Rows still 'buying' at start-up belong to a purchase the station never heard back from (crash,
 * power cut). The label may exist at the provider: block the order rather than buy again.
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
