/**
 * The top bar's light: green, amber or red, with the reasons in a supervisor's words. Each
 * threshold is a named constant (shared/domain/health-thresholds.ts, so the Health panel states the
 * same numbers) with why it sits where it does. The light is the worst reason's.
 */
import type {
  BackupHealth,
  HealthLight,
  HealthReason,
  HealthStatus,
  HistoryRecovery,
  PrinterHealth,
  ProviderHealth,
  RetentionHealth,
  WritebackHealth,
  TikTokAuthorizationHealth,
} from '../../../shared/domain/health';
import { PROVIDER_SHORT_NAMES } from '../../../shared/domain/providers';
import {
  BACKUP_STALE_MS,
  FAILURE_RATE_AMBER,
  FAILURE_RATE_RED,
  HISTORY_RESTORED_NOTICE_MS,
  LATENCY_P95_AMBER_MS,
  MIN_REQUESTS_FOR_RATE,
  PRINTER_FAULTS_AMBER,
  PRINTER_FAULTS_RED,
  PRINTER_HOLD_RED_MS,
  RATE_LIMIT_HELD_AMBER_MS,
  TOKEN_URGENT_DAYS,
  TOKEN_WARNING_DAYS,
} from '../../../shared/domain/health-thresholds';

const DAY_MS = 24 * 60 * 60_000;
const RANK: Record<HealthLight, number> = { green: 0, amber: 1, red: 2 };

export interface LightInputs {
  now: number;
  providers: ProviderHealth[];
  printers: PrinterHealth[];
  tiktok: TikTokAuthorizationHealth;
  /** TikTok Shop is the provider or an order source: its authorization matters. */
  tiktokInUse: boolean;
  backup: BackupHealth;
  retention: RetentionHealth;
  /** Write-back to Shopify and WMS webhooks (none while the outbox has not looked yet). */
  writeback?: WritebackHealth;
}

/** A delivery still waiting this long means its destination has been away a while. */
const WRITEBACK_WAIT_AMBER_MS = 30 * 60_000;

export function healthStatus(inputs: LightInputs): HealthStatus {
  const reasons = [
    ...inputs.providers.flatMap(providerReasons),
    ...tiktokReasons(inputs),
    ...inputs.printers.flatMap((p) => printerReasons(p, inputs.now)),
    ...storageReasons(inputs),
    ...writebackReasons(inputs),
  ].sort((a, b) => RANK[b.light] - RANK[a.light]);
  return { light: reasons[0]?.light ?? 'green', reasons };
}

function providerReasons(p: ProviderHealth): HealthReason[] {
  const name = PROVIDER_SHORT_NAMES[p.provider];
  const hour = p.lastHour;
  const out: HealthReason[] = [];
  if (hour.requests >= MIN_REQUESTS_FOR_RATE && hour.failureRate >= FAILURE_RATE_AMBER) {
    out.push({
      light: hour.failureRate >= FAILURE_RATE_RED ? 'red' : 'amber',
      text: `${name}: ${percent(hour.failureRate)} of requests failed in the last hour (${hour.failures} of ${hour.requests})`,
    });
  }
  if (hour.latencyP95Ms !== null && hour.latencyP95Ms >= LATENCY_P95_AMBER_MS) {
    out.push({ light: 'amber', text: `${name} is slow: 1 request in 20 took ${seconds(hour.latencyP95Ms)} or more in the last hour` });
  }
  if (hour.rateLimitHeldMs >= RATE_LIMIT_HELD_AMBER_MS) {
    out.push({
      light: 'amber',
      text: `${name} asked the station to slow down ${hour.rateLimited} times; requests waited ${duration(hour.rateLimitHeldMs)} in the last hour`,
    });
  }
  return out;
}

function tiktokReasons({ tiktok, tiktokInUse, now }: LightInputs): HealthReason[] {
  if (!tiktokInUse) return [];
  if (!tiktok.authorized) return [{ light: 'red', text: 'TikTok Shop is not authorized: a supervisor must authorize it in Settings' }];
  const ends = tiktok.authorizationExpiresAt ? Date.parse(tiktok.authorizationExpiresAt) : NaN;
  if (!Number.isFinite(ends)) return [];
  const left = ends - now;
  if (left <= 0) return [{ light: 'red', text: 'TikTok authorization has expired: a supervisor must authorize again in Settings' }];
  if (left <= TOKEN_URGENT_DAYS * DAY_MS) return [{ light: 'red', text: `TikTok authorization expires in ${duration(left)}` }];
  if (left <= TOKEN_WARNING_DAYS * DAY_MS) {
    const days = Math.ceil(left / DAY_MS);
    return [{ light: 'amber', text: `TikTok authorization expires in ${days} day${days === 1 ? '' : 's'}` }];
  }
  return [];
}

function printerReasons(p: PrinterHealth, now: number): HealthReason[] {
  const out: HealthReason[] = [];
  const since = p.holdingSince ? Date.parse(p.holdingSince) : NaN;
  if (Number.isFinite(since) && now - since >= PRINTER_HOLD_RED_MS) {
    out.push({ light: 'red', text: `Printer '${p.name}' has held labels for ${duration(now - since)}` });
  }
  const faults = p.lastDay.faults;
  if (faults >= PRINTER_FAULTS_AMBER) {
    out.push({
      light: faults >= PRINTER_FAULTS_RED ? 'red' : 'amber',
      text: `Printer '${p.name}' faulted ${faults} times in the last 24 hours`,
    });
  }
  return out;
}

function storageReasons({ backup, retention, now }: LightInputs): HealthReason[] {
  const out: HealthReason[] = [];
  if (backup.lastProblem) out.push({ light: 'amber', text: `The last backup failed: ${backup.lastProblem}` });
  else if (backup.lastBackupAt && now - Date.parse(backup.lastBackupAt) >= BACKUP_STALE_MS) {
    out.push({ light: 'amber', text: `No backup of the station's history for ${duration(now - Date.parse(backup.lastBackupAt))}` });
  }
  if (retention.lastProblem) out.push({ light: 'amber', text: `Old label files could not be removed: ${retention.lastProblem}` });
  const restored = backup.recoveries[0];
  if (restored && now - Date.parse(restored.at) < HISTORY_RESTORED_NOTICE_MS)
    out.push({ light: 'amber', text: restoredText(restored, now) });
  return out;
}

function restoredText(recovery: HistoryRecovery, now: number): string {
  const ago = `${duration(now - Date.parse(recovery.at))} ago`;
  const kept = `the damaged file is kept as ${recovery.damagedFile}`;
  if (recovery.restoredFrom === null)
    return `The history file was found damaged ${ago} and no backup opened: History started empty; ${kept}`;
  const age = duration(Date.parse(recovery.at) - Date.parse(recovery.restoredFrom));
  return `The history file was found damaged ${ago}: the backup taken ${age} before was put in its place, so labels bought after it are not in History; ${kept}`;
}

function writebackReasons({ writeback, now }: LightInputs): HealthReason[] {
  if (!writeback) return [];
  const out: HealthReason[] = [];
  if (writeback.failed > 0) {
    out.push({
      light: 'amber',
      text: `${writeback.failed} write-back${writeback.failed === 1 ? '' : 's'} to Shopify or a WMS failed and need${writeback.failed === 1 ? 's' : ''} attention (Settings → Write-back, Retry now)`,
    });
  }
  const waited = writeback.oldestWaitingAt ? now - Date.parse(writeback.oldestWaitingAt) : 0;
  if (waited >= WRITEBACK_WAIT_AMBER_MS) out.push({ light: 'amber', text: `A write-back has waited ${duration(waited)} to be delivered` });
  return out;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "45 s", "12 min", "5 hours", "3 days". */
export function duration(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (ms < 60 * 60_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 48 * 60 * 60_000) {
    const hours = Math.round(ms / (60 * 60_000));
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  return `${Math.round(ms / DAY_MS)} days`;
}
