/**
 * Wires the health room to the station: the figures the providers and the print queue recorded,
 * TikTok Shop's authorization (expiry times only, never a token), the daily backup of the SQLite
 * history and the retention of label files; the light is evaluated after events (debounced) and on
 * a timer (figures age out of their windows), and `healthChanged` goes out when it changes.
 */
import path from 'node:path';
import type {
  BackupHealth,
  HealthReport,
  HistoryRecovery,
  HealthStatus,
  PrinterHealth,
  ProviderHealth,
  WritebackHealth,
} from '../../../shared/domain/health';
import { PROVIDER_TITLES, type ProviderName, type TikTokTokens } from '../../../shared/domain/providers';
import type { Settings } from '../../../shared/domain/settings';
import { describeError } from './describe-error';
import { historyUpkeep } from './history-upkeep';
import { healthStatus, type HealthMonitor } from '../health';
import {
  backUpDatabase,
  fillPrintCounts,
  listBackups,
  type BackupFile,
  type LabelFileMarks,
  type StationDatabase,
  type UpkeepResult,
} from '../history';
import { pruneLabelFiles } from '../labels';
import type { JobEvents } from './event-bus';

/** After an event, the light is looked at again this much later (events come in bursts). */
const EVALUATE_AFTER_EVENT_MS = 250;
/** And at least this often: figures leave their windows and tokens come closer to expiry with time alone. */
const EVALUATE_EVERY_MS = 15_000;
/** The daily backup and retention look whether they are due this often, the first time soon after start. */
const HOUSEKEEPING_EVERY_MS = 60 * 60_000;
const HOUSEKEEPING_FIRST_MS = 60_000;
/** A backup is due when the newest is older than this (a day, less a little so it does not drift later each day). */
const BACKUP_EVERY_MS = 24 * 60 * 60_000 - 10 * 60_000;
const RETENTION_EVERY_MS = 24 * 60 * 60_000 - 10 * 60_000;
/**
 * Labels from before a label kept its print count get theirs (print-count-fill.ts) soon after start,
 * then FILL_PER_RUN every FILL_EVERY_MS until none is left: a million labels in under an hour, each
 * run about 150 ms of statements of a few ms between scans.
 */
const FILL_FIRST_MS = 1_000;
const FILL_EVERY_MS = 15_000;
const FILL_PER_RUN = 5_000;

export interface StationHealthDeps {
  monitor: HealthMonitor;
  settings: () => Settings;
  tiktokTokens: () => TikTokTokens | undefined;
  db: StationDatabase;
  marks: LabelFileMarks;
  dataDir: string;
  labelsDir: string;
  fleet: boolean;
  events: JobEvents;
  log: (line: string) => void;
  now: () => Date;
  /** Write-back deliveries set aside or waiting (the outbox's last look). */
  writeback?: () => WritebackHealth | undefined;
  /** Starts at which the history was found damaged (read from the data folder at start), newest first. */
  recoveries?: HistoryRecovery[];
  /** A fleet's upkeep of the shared database's indexes (station-history.ts). */
  historyUpkeep?: () => Promise<UpkeepResult>;
}

export interface StationHealth {
  getHealth(): Promise<HealthReport>;
  backUpNow(): Promise<BackupHealth>;
  /** One retention run now (also what the timer runs). */
  pruneNow(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function backupFolder(settings: Settings, dataDir: string): string {
  return settings.storage.backupFolder || path.join(dataDir, 'backups');
}

export function createStationHealth(deps: StationHealthDeps): StationHealth {
  let backups: BackupFile[] = [];
  let backupProblem: string | null = null;
  let backingUp: Promise<BackupHealth> | undefined;
  let retention = { lastRunAt: null as string | null, lastPruned: 0, lastProblem: null as string | null, more: false };
  let pruning: Promise<number> | undefined;
  let last = '';
  let soon: NodeJS.Timeout | undefined;
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const backupView = (): BackupHealth => {
    const { storage } = deps.settings();
    return {
      mode: deps.fleet ? 'fleet' : 'local',
      folder: backupFolder(deps.settings(), deps.dataDir),
      keep: storage.backupsKept,
      lastBackupAt: backups[0]?.at ?? null,
      lastBackupBytes: backups[0]?.bytes ?? null,
      lastProblem: backupProblem,
      backups: backups.map(({ file, at, bytes }) => ({ file: path.basename(file), at, bytes })),
      recoveries: deps.recoveries ?? [],
    };
  };

  const report = (): HealthReport => {
    const settings = deps.settings();
    const now = deps.now();
    const figures = deps.monitor.providerFigures();
    const providers: ProviderHealth[] = [];
    const shown = new Set<ProviderName>([settings.provider, ...figures.map((f) => f.provider)]);
    for (const name of shown) {
      const f = figures.find((x) => x.provider === name);
      providers.push({
        provider: name,
        title: PROVIDER_TITLES[name],
        selected: name === settings.provider,
        lastHour: f?.lastHour ?? emptyProviderWindow(),
        lastDay: f?.lastDay ?? emptyProviderWindow(),
      });
    }
    const printerFigures = deps.monitor.printerFigures();
    const printers: PrinterHealth[] = settings.printers.list.map((p) => {
      const f = printerFigures.find((x) => x.printer === p.address);
      return printerHealth(p.name, f);
    });
    for (const f of printerFigures) {
      if (!settings.printers.list.some((p) => p.address === f.printer) && (f.lastDay.jobs > 0 || f.lastDay.faults > 0)) {
        printers.push(printerHealth(f.printer, f));
      }
    }
    const tokens = deps.tiktokTokens();
    const tiktok = {
      authorized: tokens !== undefined,
      accessTokenExpiresAt: tokens?.accessToken ? tokens.accessTokenExpiresAt : null,
      authorizationExpiresAt: tokens?.refreshTokenExpiresAt ?? null,
    };
    const backup = backupView();
    const retentionView = { days: settings.storage.labelFileRetentionDays, ...retention };
    const status = healthStatus({
      now: now.getTime(),
      providers,
      printers,
      tiktok,
      tiktokInUse: settings.provider === 'tiktok' || tokens !== undefined,
      backup,
      retention: retentionView,
      ...(deps.writeback?.() && { writeback: deps.writeback()! }),
    });
    return {
      ...status,
      at: now.toISOString(),
      providers,
      printers,
      tiktok,
      backup,
      retention: {
        days: retentionView.days,
        lastRunAt: retention.lastRunAt,
        lastPruned: retention.lastPruned,
        lastProblem: retention.lastProblem,
      },
    };
  };

  const evaluate = () => {
    soon = undefined;
    if (stopped) return;
    try {
      const { light, reasons } = report();
      const status: HealthStatus = { light, reasons };
      const key = JSON.stringify(status);
      if (key === last) return;
      last = key;
      deps.events.emit('healthChanged', status);
    } catch (error) {
      deps.log(`health: light not evaluated (${describeError(error)})`);
    }
  };

  const backUp = (): Promise<BackupHealth> => {
    backingUp ??= (async () => {
      const { storage } = deps.settings();
      const folder = backupFolder(deps.settings(), deps.dataDir);
      try {
        const made = await backUpDatabase(deps.db, folder, storage.backupsKept, deps.now());
        backupProblem = null;
        deps.log(`history backed up (${made.bytes} bytes)`);
      } catch (error) {
        backupProblem = `${describeError(error)} (folder ${folder})`;
        deps.log(`history backup failed: ${describeError(error)}`);
      }
      backups = await listBackups(folder).catch(() => backups);
      evaluate();
      return backupView();
    })().finally(() => (backingUp = undefined));
    return backingUp;
  };

  const prune = (): Promise<number> => {
    pruning ??= (async () => {
      const now = deps.now();
      try {
        const result = await pruneLabelFiles({
          dir: deps.labelsDir,
          days: deps.settings().storage.labelFileRetentionDays,
          now,
          marks: deps.marks,
        });
        retention = { lastRunAt: now.toISOString(), lastPruned: result.pruned, lastProblem: null, more: result.more };
        if (result.pruned > 0) deps.log(`retention: ${result.pruned} label file(s) older than the setting removed`);
        return result.pruned;
      } catch (error) {
        retention = { ...retention, lastRunAt: now.toISOString(), lastProblem: describeError(error) };
        deps.log(`retention: old label files not removed (${describeError(error)})`);
        return 0;
      } finally {
        evaluate();
      }
    })().finally(() => (pruning = undefined));
    return pruning;
  };

  let filling: Promise<void> | undefined;
  let countsFilled = 0;
  const fillCounts = () => {
    filling ??= (async () => {
      try {
        const { filled, more } = await fillPrintCounts(deps.db, { most: FILL_PER_RUN });
        countsFilled += filled;
        if (more) return;
        clearInterval(fillTimer);
        if (countsFilled > 0) deps.log(`history: the print counts of ${countsFilled} label(s) from before counts were kept are filled in`);
      } catch (error) {
        deps.log(`history: print counts not filled in this time (${describeError(error)})`);
      }
    })().finally(() => (filling = undefined));
    return filling;
  };
  let fillTimer: NodeJS.Timeout | undefined;

  const upkeep = deps.historyUpkeep && historyUpkeep(deps.historyUpkeep, deps.log, deps.now);

  const housekeeping = async () => {
    if (stopped) return;
    const now = deps.now().getTime();
    const newest = backups[0] ? Date.parse(backups[0].at) : -Infinity;
    if (deps.settings().storage.dailyBackup && now - newest >= BACKUP_EVERY_MS) await backUp();
    const lastRun = retention.lastRunAt ? Date.parse(retention.lastRunAt) : -Infinity;
    if (retention.more || now - lastRun >= RETENTION_EVERY_MS) await prune();
    await upkeep?.runIfDue();
  };

  const offRecord = deps.monitor.onRecord(() => {
    if (!soon && !stopped) soon = setTimeout(evaluate, EVALUATE_AFTER_EVENT_MS).unref();
  });

  return {
    getHealth: async () => {
      backups = await listBackups(backupFolder(deps.settings(), deps.dataDir)).catch(() => backups);
      return report();
    },
    backUpNow: backUp,
    pruneNow: prune,
    start() {
      void listBackups(backupFolder(deps.settings(), deps.dataDir)).then(
        (found) => ((backups = found), evaluate()),
        () => evaluate(),
      );
      timers.push(setInterval(evaluate, EVALUATE_EVERY_MS).unref());
      timers.push(setTimeout(() => void housekeeping(), HOUSEKEEPING_FIRST_MS).unref());
      timers.push(setInterval(() => void housekeeping(), HOUSEKEEPING_EVERY_MS).unref());
      timers.push(
        setTimeout(() => {
          if (stopped) return;
          fillTimer = setInterval(() => void fillCounts(), FILL_EVERY_MS).unref();
          void fillCounts();
        }, FILL_FIRST_MS).unref(),
      );
    },
    async stop() {
      stopped = true;
      offRecord();
      clearTimeout(soon);
      for (const timer of timers) clearTimeout(timer);
      clearInterval(fillTimer);
      // Not the upkeep: its session ends with the database's (history/database.ts), however long it runs.
      await Promise.allSettled([backingUp, pruning, filling]);
    },
  };
}

function emptyProviderWindow() {
  return { requests: 0, failures: 0, failureRate: 0, latencyP50Ms: null, latencyP95Ms: null, rateLimited: 0, rateLimitHeldMs: 0 };
}

function printerHealth(
  name: string,
  f: { holdingSince: number | null; lastHour: PrinterHealth['lastHour']; lastDay: PrinterHealth['lastDay'] } | undefined,
): PrinterHealth {
  const empty = { jobs: 0, faults: 0, heldMs: 0 };
  return {
    name,
    holdingSince: f?.holdingSince != null ? new Date(f.holdingSince).toISOString() : null,
    lastHour: f?.lastHour ?? empty,
    lastDay: f?.lastDay ?? empty,
  };
}
