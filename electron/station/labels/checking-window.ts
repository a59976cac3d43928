/**
 * How long a purchase without a clear answer blocks its order: long enough that a label the
 * provider is still creating shows up before anyone may buy again.
 */
import type { Settings } from '../../../shared/domain/settings';
import type { StoredLabel } from '../history';
import type { LabelProvider } from '../providers';

export interface LabelCheckTiming {
  /** Replaces the provider's configured window (tests); never below twice the request timeout. */
  windowMs?: number;
  /** How often labels being checked are asked about in the background (default 5 s). */
  everyMs?: number;
}

export const DEFAULT_CHECK_EVERY_MS = 5_000;

export function checkingWindowMs(provider: LabelProvider, settings: Settings, timing: LabelCheckTiming = {}): number {
  const configured = timing.windowMs ?? configuredSeconds(provider, settings) * 1000;
  return Math.max(configured, 2 * provider.requestTimeoutMs);
}

function configuredSeconds(provider: LabelProvider, settings: Settings): number {
  switch (provider.name) {
    case 'aftership':
      return settings.aftership.lateLabelWindowSeconds;
    case 'tiktok':
      return settings.tiktok.lateLabelWindowSeconds;
    case 'shipium':
      return settings.shipium.lateLabelWindowSeconds;
    case 'sandbox':
      return 0;
  }
}

/**
 * Whether a purchase still waits for a label the provider may be creating: nobody concludes "none"
 * before its `checkUntil`. A purchase left to a supervisor (unknown) no longer waits.
 */
export function checkingWindowOpen(label: Pick<StoredLabel, 'status' | 'checkUntil'>, now: Date): boolean {
  return label.status !== 'unknown' && label.checkUntil !== null && now.getTime() < Date.parse(label.checkUntil);
}

/** "14:32:05" in the station's local time: what a packer reads off the screen. */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour12: false });
}
