/** Wires the station core together; each contract method is one call into the room that owns it. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { BatchStore, LabelFileMarks, listRecoveries, openHistoryFile, sqliteHistory } from '../history';
import { HealthMonitor } from '../health';
import { backupFolder, createStationHealth } from './station-health';
import {
  BatchRunner,
  batchConcurrency,
  choosePrinter,
  decideUncertainLabel,
  LabelChecker,
  LabelDownloads,
  LabelFiles,
  labelDetail,
  labelPreview,
  printUnprintedLabel,
  reprintLabel,
  reprintLabels,
  runScanJob,
  settleInterruptedPurchases,
  unprintedLabels,
  type ScanJobDeps,
} from '../labels';
import { buyShipment, listScaleDevices, ScaleService } from '../packing';
import {
  checkExportFolder,
  daySummary,
  exportFolderView,
  ExportedFiles,
  exportHistoryFile,
  localDate,
  printSummaryPdf,
  renderSummaryPdf,
  showInFolderUnavailable,
} from '../reports';
import { ItemPictures, OrderSources, resolveOrder } from '../orders';
import { createStatusAsker, discoverPrinters, PrintService } from '../printing';
import { ProviderFactory } from '../providers';
import {
  checkBackupFolder,
  OperatorService,
  OperatorSessionState,
  readEnvPresets,
  readSupervisorPreset,
  SettingsService,
  type KeyValueStore,
} from '../settings';
import type { OperatorSession } from '../../../shared/domain/operators';
import { scaledParcel, withinWeightLimits } from './scaled-parcel';
import { batchLines } from '../../../shared/domain/batches';
import { batchScans } from './batch-input';
import { guardHandlers, type ActingHandlers } from './operator-guard';
import type { StationCore, StationCoreOptions } from './core-types';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { secureDataFolder } from './data-folder-modes';
import { trackInFlight } from './in-flight';
import { openStationHistory, type StationHistory } from './station-history';
import { JobEvents } from './event-bus';
import { stationInfo } from './station-info';
import { refuseFilePrinters, testPrint } from './test-print';
import { TikTokAuthorization } from './tiktok-authorization';
import { openStationLog, type StationLog } from './station-log';
import { logScan, logShipment } from './log-outcomes';
import { diagnosticsText } from './diagnostics';
import { STATION_VERSION } from './version';
import { wireSystemsApi } from './systems-api-wiring';
import { createStationWriteback } from './station-writeback';
import { whileDatabaseAway } from './database-away';

/** How long closing waits for calls still running (a scan waiting for its printer takes up to 20 s). */
const CLOSE_DRAIN_MS = 10_000;

export async function createStationCore(options: StationCoreOptions): Promise<StationCore> {
  secureDataFolder(options.dataDir, options.log);
  const lock = lockDataFolder(options.dataDir, { shell: options.shell });
  const stationLog = openStationLog(options.dataDir, {
    shell: options.shell,
    ...(options.log && { echo: options.log }),
    ...options.logOptions,
  });
  try {
    return await startCore(options, stationLog, lock);
  } catch (error) {
    stationLog.log(`the station could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stationLog.close();
    lock.release();
    throw error;
  }
}

async function startCore(options: StationCoreOptions, stationLog: StationLog, lock: DataFolderLock): Promise<StationCore> {
  const { log } = stationLog;
  const settings = new SettingsService(options.settingsStore, options.secretStore, readEnvPresets(options.env ?? process.env), log);
  stationLog.hideSecrets(() => settings.secretValues());
  log('station starting', { event: 'start', shell: options.shell, version: STATION_VERSION, dataDir: options.dataDir });
  const supervisorPreset = readSupervisorPreset(options.env ?? process.env);
  const { db, recovery } = await openHistoryFile(
    path.join(options.dataDir, 'history.sqlite'),
    backupFolder(settings.current(), options.dataDir),
    new Date(),
  );
  if (recovery) log('history file damaged: kept aside, a backup put in its place', { event: 'history-restored', ...recovery });
  const recoveries = await listRecoveries(options.dataDir);
  const events = new JobEvents();
  let stored: StationHistory;
  try {
    stored = await openStationHistory(db, options.env ?? process.env, log, options.fleetTiming);
  } catch (error) {
    db.close();
    throw error;
  }
  const { history } = stored;
  const writeback = createStationWriteback({
    stored,
    settings,
    settingsStore: options.settingsStore,
    secretStore: options.secretStore,
    stationId: stationId(options.settingsStore),
    log,
    ...(options.outboxTiming && { timing: options.outboxTiming }),
  });
  stationLog.hideSecrets(() => [...settings.secretValues(), ...writeback.config.secretValues()]);
  stored.onChange((status) => events.emit('databaseStatus', status));
  const ownId = stationId(options.settingsStore);
  const labelsDir = path.join(options.dataDir, 'labels');
  const monitor = new HealthMonitor();
  const providers = new ProviderFactory(settings, options.dataDir, options.providerTimeoutMs, (name) => monitor.provider(name));
  const ownName = stationName(options.env ?? process.env, ownId);
  const printing = new PrintService({
    db,
    history,
    settings: () => settings.current(),
    log,
    recorder: monitor.printing,
    station: ownName,
    ...(options.printTiming && { timing: options.printTiming }),
  });
  const deps: ScanJobDeps = {
    printing,
    history,
    files: new LabelFiles(labelsDir),
    // Once a late file has printed (or finally failed), the list of unprinted labels changes.
    downloads: new LabelDownloads(log, () => announceUnprinted()),
    providers,
    orderSources: new OrderSources(settings, providers),
    settings: () => settings.current(),
    events,
    stationName: ownName,
    stationId: ownId,
    inFlight: new Set(),
    backgroundChecks: new Map(),
    printWhenFound: new Set(),
    checks: options.labelChecks ?? {},
    now: () => new Date(),
    log,
    // The station's own background work; each call acts as its signed-in operator (see `as`).
    operator: '',
  };
  const as = (name: string): ScanJobDeps => ({ ...deps, operator: name });
  const operators = new OperatorService({
    store: stored.operators,
    provider: () => settings.current().provider,
    log,
    ...(options.operatorHashCost && { cost: options.operatorHashCost }),
    ...(supervisorPreset && { preset: supervisorPreset }),
  });
  const session = new OperatorSessionState();
  const sessionView = (): OperatorSession => ({
    ...session.current(),
    idleSignOutMinutes: settings.current().operators.idleSignOutMinutes,
  });
  session.onChange(() => events.emit('operatorSession', sessionView()));
  /** A demo user signed in while the provider became a real one is signed out at once. */
  const recheckSession = async () => {
    const operator = session.current().operator;
    if (operator && !(await operators.current(operator))) session.signOut();
  };
  const announceUnprinted = () => {
    // A label was bought, printed or set aside: its events are in the outbox, sent now.
    writeback.loop.kick();
    announceLabelsUnprinted();
  };
  const announceLabelsUnprinted = () =>
    void unprintedLabels(history, deps.downloads).then(
      (labels) => events.emit('unprintedLabels', labels),
      (error: unknown) => log(`unprinted labels not listed: ${(error as Error).message}`),
    );
  const checker = new LabelChecker(deps, announceUnprinted);
  const scale = new ScaleService({
    device: () => settings.current().scale.device,
    emit: (reading) => events.emit('scaleReading', reading),
    log,
    ...(options.scaleTiming && { timing: options.scaleTiming }),
  });
  // Batches are this station's own runs (like its print queue): kept in its SQLite even in a fleet;
  // the one-label-per-order rule they rely on lives with the labels.
  const batches = new BatchRunner({
    store: new BatchStore(sqliteHistory(db)),
    scan: async (operator, scan, scanOptions) => {
      const outcome = await afterwards(runScanJob(as(operator), scan, undefined, undefined, scanOptions), announceUnprinted);
      logScan(log, scan, outcome, operator);
      return outcome;
    },
    events,
    concurrency: () => options.batchInFlight ?? batchConcurrency(settings.current().provider),
    stationId: ownId,
    now: () => new Date(),
    log,
  });
  const tiktokAuth = new TikTokAuthorization(settings, providers);
  const askPrinterStatus = createStatusAsker();
  const pictures = new ItemPictures();
  const health = createStationHealth({
    monitor,
    settings: () => settings.current(),
    tiktokTokens: () => settings.tiktokTokens(),
    db,
    marks: new LabelFileMarks(sqliteHistory(db)),
    dataDir: options.dataDir,
    labelsDir,
    fleet: stored.status().mode === 'fleet',
    events,
    log,
    now: () => new Date(),
    writeback: () => writeback.loop.health(),
    recoveries,
    historyUpkeep: stored.upkeep,
  });

  const systemsApi = wireSystemsApi({
    as,
    settings,
    stored,
    searchHistory: (search) => history.search(search),
    health: () => health.getHealth(),
    daySummary: (date) => daySummary(history, date ?? localDate(deps.now())),
    announceUnprinted,
    stationName: deps.stationName,
    stationId: ownId,
    now: deps.now,
    log,
    ...(options.systemsApiRateLimit && { rateLimit: options.systemsApiRateLimit }),
  });

  const exported = new ExportedFiles();
  const exportFolder = () =>
    exportFolderView({
      setting: settings.current().exports.folder,
      env: options.env ?? process.env,
      dataDir: options.dataDir,
      override: options.exportDir,
    });

  // Read only while the history answers: a warehouse database that is away shows the last date read,
  // and the top bar's poll never waits for a reconnect.
  let historyStart: string | null = null;
  const historyCompleteSince = async (): Promise<string | null> => {
    if (!stored.status().reachable) return historyStart;
    try {
      historyStart = await history.completeSince();
    } catch {
      // went away meanwhile: the last date read stands
    }
    return historyStart;
  };

  const info = async () => ({
    ...stationInfo(settings, providers, options.dataDir, options.shell),
    stationName: deps.stationName,
    database: stored.status(),
    historyCompleteSince: await historyCompleteSince(),
  });

  const table: ActingHandlers = {
    getStationInfo: () => info(),
    getDiagnostics: async () => {
      const view = settings.publicView();
      return {
        text: diagnosticsText({
          info: await info(),
          settings: settings.current(),
          secretsSet: view.secrets,
          lockedByEnv: view.lockedByEnv,
          logFile: stationLog.file,
          recentLog: stationLog.recent(),
          scrub: stationLog.scrub,
          systemsApi: systemsApi.server.status(),
          writeback: writeback.loop.health(),
        }),
      };
    },
    submitScan: async ({ scan, parcel: given, check }, acting) => {
      // The scale's rules (Settings → Scale) hold whoever sends the scan, not only the Scan screen:
      // a given weight is checked now, the scale is read only when a label is about to be bought.
      if (given) withinWeightLimits(given, settings.current());
      const weigh = () => given ?? withinWeightLimits(scaledParcel(settings.current(), scale.current()), settings.current());
      const actingId = (acting.approvedBy ?? acting.operator)?.id;
      const outcome = await afterwards(
        runScanJob({ ...as(acting.name), ...(actingId && { operatorId: actingId }) }, scan, weigh, check),
        announceUnprinted,
      );
      logScan(log, scan, outcome, acting.name);
      if (outcome.outcome === 'check_needed') pictures.remember(outcome.order);
      if (outcome.outcome === 'split_needed') pictures.remember(outcome.order);
      return outcome;
    },
    buyShipment: async (plan, acting) => {
      const bought = await afterwards(buyShipment(as(acting.name), plan), announceUnprinted);
      logShipment(log, bought, acting.name);
      return bought;
    },
    lookupOrder: async ({ scan }) => {
      const { order } = await resolveOrder(scan, deps.orderSources.configured(settings.current()), log);
      pictures.remember(order);
      return order;
    },
    itemPicture: async ({ orderId, lineItemId }) => ({ picture: await pictures.picture(orderId, lineItemId) }),
    reprintLabel: async ({ labelId, printerId, box, reason }, acting) => reprintLabel(as(acting.name), labelId, printerId, box, reason),
    resolveUncertainLabel: async ({ labelId, decision }, acting) =>
      afterwards(decideUncertainLabel(as(acting.name), labelId, decision), announceUnprinted),
    searchHistory: async (search) => history.search(search),
    getLabel: async ({ labelId }) => labelDetail(history, labelId),
    listUnprintedLabels: async () => unprintedLabels(history, deps.downloads),
    printLabel: async ({ labelId, printerId }, acting) =>
      afterwards(printUnprintedLabel(as(acting.name), labelId, printerId), announceUnprinted),
    getLabelPreview: async ({ labelId }) => labelPreview(deps, labelId),
    getSettings: async () => settings.publicView(),
    updateSettings: async (patch, acting) => {
      const before = settings.current().printers;
      const idleBefore = settings.current().operators.idleSignOutMinutes;
      // A folder a supervisor names for exports must take files now, not at the first export.
      if (patch.exports?.folder) await checkExportFolder(patch.exports.folder);
      if (patch.storage?.backupFolder) await checkBackupFolder(patch.storage.backupFolder);
      refuseFilePrinters([
        ...(patch.printers?.list ?? []),
        ...(patch.printer?.address ? [{ name: 'default', address: patch.printer.address }] : []),
      ]);
      settings.update(patch);
      log(`settings changed: ${Object.keys(patch).join(', ')}`, {
        event: 'settings',
        sections: Object.keys(patch).join(','),
        operator: acting.name,
      });
      printing.followMovedPrinters(before, settings.current().printers);
      await systemsApi.follow();
      await recheckSession();
      if (settings.current().operators.idleSignOutMinutes !== idleBefore) events.emit('operatorSession', sessionView());
      scale.follow();
      return settings.publicView();
    },
    setSecret: async ({ secret, value }, acting) => {
      settings.setSecret(secret, value);
      log(`secret ${secret} set`, { event: 'secret', secret, operator: acting.name });
      return settings.publicView();
    },
    clearSecret: async ({ secret }, acting) => {
      settings.clearSecret(secret);
      log(`secret ${secret} removed`, { event: 'secret', secret, operator: acting.name });
      return settings.publicView();
    },
    startTikTokAuthorization: async () => ({ authorizeUrl: tiktokAuth.start() }),
    finishTikTokAuthorization: async ({ codeOrRedirectUrl }) => (await tiktokAuth.finish(codeOrRedirectUrl), settings.publicView()),
    testPrint: async ({ printerId, draft }) =>
      testPrint(draft ?? choosePrinter(settings.current(), printerId), { draft: draft !== undefined }),
    getPrinterStatus: async ({ printerId }) => {
      const printer = choosePrinter(settings.current(), printerId);
      const sending = (await printing.view()).jobs.some((job) => job.state === 'sending' && job.address === printer.address);
      return { printerId: printer.id, ...(await askPrinterStatus(printer, sending)) };
    },
    getPrintQueue: async () => printing.view(),
    resolvePrintJob: async ({ printJobId, action }, acting) => printing.resolve(printJobId, action, acting.name || null),
    discoverPrinters: async () =>
      (await discoverPrinters()).map(({ address, name, kind, detail }) => ({ address, name, kind, ...(detail && { detail }) })),
    getOperatorSession: async () => sessionView(),
    getSignInOptions: async () => operators.signInOptions(),
    signIn: async (credentials) => {
      const operator = await operators.authenticate(credentials);
      session.signIn(operator);
      log(`operator ${operator.name} signed in`);
      return sessionView();
    },
    signOut: async () => (session.signOut(), sessionView()),
    createFirstSupervisor: async (input) => (session.signIn(await operators.createFirstSupervisor(input)), sessionView()),
    listOperators: async () => operators.list(),
    addOperator: async ({ operator }, acting) => operators.add(operator, acting.name),
    updateOperator: async ({ changes }, acting) => {
      const updated = await operators.update(changes, acting.name);
      await recheckSession();
      return updated;
    },
    unlockOperator: async ({ operatorId }, acting) => operators.unlock(operatorId, acting.name),
    getScaleReading: async () => scale.current(),
    listScaleDevices: async () => listScaleDevices(),
    testScale: async ({ device }) => scale.testDevice(device),
    startBatch: async ({ input }, acting) => {
      const { scans, name } = await batchScans(input, (id) => deps.orderSources.batchOrders(settings.current(), id), batchLines);
      return batches.start(scans, name, acting.name);
    },
    pauseBatch: async ({ batchId }) => batches.pause(batchId),
    resumeBatch: async ({ batchId }, acting) => batches.resume(batchId, acting.name),
    getBatch: async ({ batchId }) => batches.view(batchId),
    listBatches: async ({ limit }) => batches.list(limit),
    getHealth: async () => health.getHealth(),
    backUpNow: async () => health.backUpNow(),
    reprintLabels: async ({ labelIds, reason, printerId }, acting) => reprintLabels(as(acting.name), labelIds, reason, printerId),
    exportHistory: async (filter) => {
      const where = exportFolder();
      const made = await exportHistoryFile(history, filter, where.folder, deps.now(), { createFolder: where.setBy !== 'settings' });
      exported.remember(made.fileName, made.path);
      return made;
    },
    getExportFolder: async () => exportFolder(),
    showExportedFile: async ({ fileName }) => {
      if (!options.revealFile) throw showInFolderUnavailable();
      await options.revealFile(await exported.locate(fileName));
      return { shown: true as const };
    },
    getDaySummary: async ({ date }) => daySummary(history, date),
    printDaySummary: async ({ date, printerId }) => {
      const pdf = await renderSummaryPdf(await daySummary(history, date), deps.stationName, deps.now());
      return printSummaryPdf(settings.current().printers, printerId, pdf);
    },
    ...whileDatabaseAway(
      {
        getSystemsApi: async () => systemsApi.view(),
        createApiToken: async ({ name, scopes }, acting) => systemsApi.createToken({ name, scopes }, acting.name),
        revokeApiToken: async ({ tokenId }, acting) => systemsApi.revokeToken(tokenId, acting.name),
      } satisfies Pick<ActingHandlers, 'getSystemsApi' | 'createApiToken' | 'revokeApiToken'>,
      "the Station API's tokens",
    ),
    ...whileDatabaseAway(writeback.handlers, 'the write-back settings and delivery log'),
  };
  const calls = trackInFlight(guardHandlers(table, operators, session));

  await settleInterruptedPurchases(history, ownId, deps.now(), log);
  await batches.recover();
  // A fleet database away at start: the preset supervisor is created on the first sign-in after it answers.
  await operators
    .ensurePreset()
    .catch((error: unknown) => log(`operators: environment supervisor not created yet (${(error as Error).message})`));
  printing.onChange((view) => {
    events.emit('printQueue', view);
    writeback.loop.kick();
  });
  printing.start();
  scale.follow();
  const reconciled = checker.start();
  health.start();
  await systemsApi.follow();
  if (!options.outboxTiming?.paused) writeback.loop.start();

  return {
    handlers: calls.handlers,
    events,
    reconciled,
    close: async () => {
      await systemsApi.close();
      await Promise.race([batches.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_DRAIN_MS).unref())]);
      await calls.drain(CLOSE_DRAIN_MS);
      await writeback.loop.stop();
      await scale.stop();
      await checker.stop();
      await health.stop();
      await printing.stop();
      await stored.close();
      db.close();
      log('station stopped', { event: 'stop' });
      await stationLog.close();
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
