/** The top bar's light turns amber or red with the reason a supervisor reads; green when nothing is wrong. */
import { describe, expect, it } from 'vitest';
import { healthStatus, type LightInputs } from '../../../../electron/station/health';
import type { PrinterHealth, ProviderHealth, ProviderWindow } from '../../../../shared/domain/health';

const NOW = Date.parse('2026-12-05T08:00:00Z');
const DAY = 24 * 60 * 60_000;

function window(over: Partial<ProviderWindow> = {}): ProviderWindow {
  return { requests: 0, failures: 0, failureRate: 0, latencyP50Ms: null, latencyP95Ms: null, rateLimited: 0, rateLimitHeldMs: 0, ...over };
}

function provider(hour: Partial<ProviderWindow>): ProviderHealth {
  return { provider: 'aftership', title: 'AfterShip Shipping API', selected: true, lastHour: window(hour), lastDay: window(hour) };
}

function printer(over: Partial<PrinterHealth> = {}): PrinterHealth {
  const w = { jobs: 40, faults: 0, heldMs: 0 };
  return { name: 'Label printer', holdingSince: null, lastHour: w, lastDay: w, ...over };
}

function inputs(over: Partial<LightInputs> = {}): LightInputs {
  return {
    now: NOW,
    providers: [provider({ requests: 90, failures: 0, latencyP50Ms: 900, latencyP95Ms: 2000 })],
    printers: [printer()],
    tiktok: { authorized: false, accessTokenExpiresAt: null, authorizationExpiresAt: null },
    tiktokInUse: false,
    backup: {
      mode: 'local',
      folder: '/data/backups',
      keep: 7,
      lastBackupAt: new Date(NOW - 3_600_000).toISOString(),
      lastBackupBytes: 1,
      lastProblem: null,
      backups: [],
      recoveries: [],
    },
    retention: { days: 90, lastRunAt: null, lastPruned: 0, lastProblem: null },
    ...over,
  };
}

describe('the light', () => {
  it('is green with no reason when providers answer, printers print and backups are made', () => {
    expect(healthStatus(inputs())).toEqual({ light: 'green', reasons: [] });
  });

  it('turns amber when write-backs to Shopify or a WMS failed, or one has waited half an hour, and says so', () => {
    expect(healthStatus(inputs({ writeback: { failed: 0, oldestWaitingAt: new Date(NOW - 10 * 60_000).toISOString() } }))).toEqual({
      light: 'green',
      reasons: [],
    });
    const failed = healthStatus(inputs({ writeback: { failed: 2, oldestWaitingAt: null } }));
    expect(failed.light).toBe('amber');
    expect(failed.reasons[0]!.text).toBe('2 write-backs to Shopify or a WMS failed and need attention (Settings → Write-back, Retry now)');
    const waiting = healthStatus(inputs({ writeback: { failed: 0, oldestWaitingAt: new Date(NOW - 45 * 60_000).toISOString() } }));
    expect(waiting.light).toBe('amber');
    expect(waiting.reasons[0]!.text).toMatch(/^A write-back has waited 45 min/);
  });

  it('turns amber when 12 % of a provider’s requests failed in the last hour, and says so', () => {
    const status = healthStatus(inputs({ providers: [provider({ requests: 100, failures: 12, failureRate: 0.12 })] }));
    expect(status.light).toBe('amber');
    expect(status.reasons[0]!.text).toBe('AfterShip: 12 % of requests failed in the last hour (12 of 100)');
  });

  it('turns red when a quarter or more failed, and not on too few requests to tell', () => {
    expect(healthStatus(inputs({ providers: [provider({ requests: 20, failures: 8, failureRate: 0.4 })] })).light).toBe('red');
    expect(healthStatus(inputs({ providers: [provider({ requests: 2, failures: 1, failureRate: 0.5 })] })).light).toBe('green');
  });

  it('warns days ahead that the TikTok authorization expires, and is red once it has', () => {
    const tiktok = (ms: number) => ({
      authorized: true,
      accessTokenExpiresAt: new Date(NOW + DAY).toISOString(),
      authorizationExpiresAt: new Date(NOW + ms).toISOString(),
    });
    const inThreeDays = healthStatus(inputs({ tiktokInUse: true, tiktok: tiktok(2.5 * DAY) }));
    expect(inThreeDays).toEqual({ light: 'amber', reasons: [{ light: 'amber', text: 'TikTok authorization expires in 3 days' }] });
    expect(healthStatus(inputs({ tiktokInUse: true, tiktok: tiktok(30 * DAY) })).light).toBe('green');
    expect(healthStatus(inputs({ tiktokInUse: true, tiktok: tiktok(5 * 3_600_000) })).reasons[0]!.text).toBe(
      'TikTok authorization expires in 5 hours',
    );
    const expired = healthStatus(inputs({ tiktokInUse: true, tiktok: tiktok(-DAY) }));
    expect(expired.light).toBe('red');
    expect(expired.reasons[0]!.text).toMatch(/TikTok authorization has expired/);
    // Not in use on this station: its tokens do not matter.
    expect(healthStatus(inputs({ tiktokInUse: false, tiktok: tiktok(-DAY) })).light).toBe('green');
  });

  it('names the printer that faulted, and is red when labels have waited at it for ten minutes', () => {
    const faulted = healthStatus(inputs({ printers: [printer({ lastDay: { jobs: 40, faults: 4, heldMs: 60_000 } })] }));
    expect(faulted).toEqual({
      light: 'amber',
      reasons: [{ light: 'amber', text: "Printer 'Label printer' faulted 4 times in the last 24 hours" }],
    });
    const holding = healthStatus(inputs({ printers: [printer({ holdingSince: new Date(NOW - 12 * 60_000).toISOString() })] }));
    expect(holding.light).toBe('red');
    expect(holding.reasons[0]!.text).toBe("Printer 'Label printer' has held labels for 12 min");
  });

  it('puts the worst reason first and says when the backup failed', () => {
    const status = healthStatus(
      inputs({
        providers: [provider({ requests: 40, failures: 20, failureRate: 0.5 })],
        backup: { ...inputs().backup, lastProblem: 'the disk is full (folder /mnt/usb)' },
      }),
    );
    expect(status.light).toBe('red');
    expect(status.reasons.map((r) => r.light)).toEqual(['red', 'amber']);
    expect(status.reasons[1]!.text).toBe('The last backup failed: the disk is full (folder /mnt/usb)');
  });

  it('stays amber for a week after a damaged history was replaced by a backup, saying what is missing and where the file is', () => {
    const recovery = (at: number, restoredFrom: string | null) => ({
      at: new Date(at).toISOString(),
      reason: 'database disk image is malformed',
      damagedFile: '/data/history-damaged-2026-12-05T06-00-00-000Z.sqlite',
      restoredFrom,
    });
    const restored = healthStatus(
      inputs({ backup: { ...inputs().backup, recoveries: [recovery(NOW - 2 * 3_600_000, new Date(NOW - 28 * 3_600_000).toISOString())] } }),
    );
    expect(restored.light).toBe('amber');
    expect(restored.reasons[0]!.text).toBe(
      'The history file was found damaged 2 hours ago: the backup taken 26 hours before was put in its place, so labels bought after it are not in History; the damaged file is kept as /data/history-damaged-2026-12-05T06-00-00-000Z.sqlite',
    );
    const empty = healthStatus(inputs({ backup: { ...inputs().backup, recoveries: [recovery(NOW - 3 * DAY, null)] } }));
    expect(empty.reasons[0]!.text).toMatch(/^The history file was found damaged 3 days ago and no backup opened: History started empty; /);
    const weekOld = healthStatus(inputs({ backup: { ...inputs().backup, recoveries: [recovery(NOW - 7 * DAY, null)] } }));
    expect(weekOld).toEqual({ light: 'green', reasons: [] });
  });
});
