/**
 * The station's health as the Health panel and the top bar's light show it: per provider and per
 * printer figures over the last hour and the last day, TikTok Shop's authorization, the backups and
 * the retention of label files. Figures only: no address, key, token or label content.
 */
import { z } from 'zod';
import { ProviderName } from './providers';

export const HealthLight = z.enum(['green', 'amber', 'red']);
export type HealthLight = z.infer<typeof HealthLight>;

/** Provider figures over one window. Latencies are null when no request finished in it. */
export const ProviderWindow = z.object({
  requests: z.number().int().min(0),
  /** No answer (unreachable, timeout, cut off), a server error (5xx) or refused credentials (401/403). */
  failures: z.number().int().min(0),
  /** failures / requests, 0 when there were none. */
  failureRate: z.number().min(0).max(1),
  latencyP50Ms: z.number().min(0).nullable(),
  latencyP95Ms: z.number().min(0).nullable(),
  /** Answers that said "too many requests" (HTTP 429, or TikTok's own code). */
  rateLimited: z.number().int().min(0),
  /** Time every request of the provider was held back after such answers. */
  rateLimitHeldMs: z.number().min(0),
});
export type ProviderWindow = z.infer<typeof ProviderWindow>;

export const ProviderHealth = z.object({
  provider: ProviderName,
  title: z.string(),
  /** The provider scans buy from now. */
  selected: z.boolean(),
  lastHour: ProviderWindow,
  lastDay: ProviderWindow,
});
export type ProviderHealth = z.infer<typeof ProviderHealth>;

export const PrinterWindow = z.object({
  /** Labels the printer finished (printed, or confirmed printed by the packer). */
  jobs: z.number().int().min(0),
  /** Times it stopped taking labels (unreachable, paused, out of paper, head open, silent). */
  faults: z.number().int().min(0),
  /** Time labels waited at it because of those faults. */
  heldMs: z.number().min(0),
});
export type PrinterWindow = z.infer<typeof PrinterWindow>;

export const PrinterHealth = z.object({
  /** The name in Settings; the address only when Settings no longer lists it. */
  name: z.string(),
  /** Since when labels wait at it right now (ISO), null when it prints. */
  holdingSince: z.string().nullable(),
  lastHour: PrinterWindow,
  lastDay: PrinterWindow,
});
export type PrinterHealth = z.infer<typeof PrinterHealth>;

export const TikTokAuthorizationHealth = z.object({
  authorized: z.boolean(),
  /** The access token renews itself before this (ISO). */
  accessTokenExpiresAt: z.string().nullable(),
  /** The authorization itself (the refresh token) ends then: a supervisor authorizes again before (ISO). */
  authorizationExpiresAt: z.string().nullable(),
});
export type TikTokAuthorizationHealth = z.infer<typeof TikTokAuthorizationHealth>;

/** A start at which the history file was damaged: kept aside, and the newest backup that opened put in its place. */
export const HistoryRecovery = z.object({
  at: z.string(),
  /** SQLite's words for the damage ("file is not a database"). */
  reason: z.string(),
  /** Where the damaged file was kept (its -wal and -shm beside it). */
  damagedFile: z.string(),
  /** When the backup put in place was taken (ISO); null when none opened and the history started empty. */
  restoredFrom: z.string().nullable(),
});
export type HistoryRecovery = z.infer<typeof HistoryRecovery>;

export const BackupHealth = z.object({
  /** 'fleet': the labels live in the warehouse's PostgreSQL, which this backup does not cover. */
  mode: z.enum(['local', 'fleet']),
  folder: z.string(),
  keep: z.number().int(),
  lastBackupAt: z.string().nullable(),
  lastBackupBytes: z.number().int().nullable(),
  /** Why the last try failed, in words; null after a success. */
  lastProblem: z.string().nullable(),
  backups: z.array(z.object({ file: z.string(), at: z.string(), bytes: z.number().int() })),
  /** Starts at which the history was found damaged, newest first. */
  recoveries: z.array(HistoryRecovery),
});
export type BackupHealth = z.infer<typeof BackupHealth>;

export const RetentionHealth = z.object({
  days: z.number().int(),
  lastRunAt: z.string().nullable(),
  /** Files removed by the last run. */
  lastPruned: z.number().int(),
  lastProblem: z.string().nullable(),
});
export type RetentionHealth = z.infer<typeof RetentionHealth>;

/** Write-back deliveries that did not reach Shopify or a WMS: set aside, or waiting long. */
export const WritebackHealth = z.object({
  /** Deliveries set aside after their last try ("failed — needs attention"). */
  failed: z.number().int(),
  /** The oldest delivery still waiting to be sent (ISO); null when none waits. */
  oldestWaitingAt: z.string().nullable(),
});
export type WritebackHealth = z.infer<typeof WritebackHealth>;

export const HealthReason = z.object({
  light: HealthLight,
  /** In a supervisor's words: "AfterShip: 12 % of requests failed in the last hour". */
  text: z.string(),
});
export type HealthReason = z.infer<typeof HealthReason>;

export const HealthStatus = z.object({
  light: HealthLight,
  /** The worst reason first; empty when green. */
  reasons: z.array(HealthReason),
});
export type HealthStatus = z.infer<typeof HealthStatus>;

export const HealthReport = HealthStatus.extend({
  at: z.string(),
  providers: z.array(ProviderHealth),
  printers: z.array(PrinterHealth),
  tiktok: TikTokAuthorizationHealth,
  backup: BackupHealth,
  retention: RetentionHealth,
});
export type HealthReport = z.infer<typeof HealthReport>;
