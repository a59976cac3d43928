/**
 * Purchases whose answer is lost, made for real on the station core with the loopback AfterShip and
 * Shipium (test/fakes): the states of issue 9 that the e2e specs and scripts/screenshot.ts show.
 *
 * - a label AfterShip makes only when the test calls `aftership.releaseLate()` (a provider finishing
 *   a create after the station gave up on its answer): the purchase is "checking" until then;
 * - a request AfterShip lost (nothing made): "checking" too, until the window has passed;
 * - a Shipium label whose answer was lost: Shipium cannot be asked, so a supervisor must check.
 */
import type { StationCore } from '../../electron/station';
import type { LabelRecord } from '../../shared/domain/labels';
import type { FakeAfterShip } from '../fakes/aftership-server';
import type { FakeShipium } from '../fakes/shipium-server';
import type { E2EStationOptions } from './e2e-station';
import { expectOutcome } from './expect-outcome';

/**
 * Scans `orderId` while AfterShip loses the answer: with `late`, AfterShip makes the label when the
 * test releases it; without, it never does. Either way the station waits for it ("checking").
 */
export async function loseAfterShipAnswer(
  core: StationCore,
  aftership: FakeAfterShip,
  orderId: string,
  late: boolean,
): Promise<LabelRecord> {
  aftership.failNext(late ? { type: 'late-create', answer: 'reset' } : 'reset', 1, 'create');
  const outcome = await core.handlers.submitScan({ scan: orderId });
  expectOutcome(outcome, 'failed', 'label_checking');
  return outcome.label!;
}

/** Orders whose purchase got no clear answer (see uncertainLabelsStation). */
export const UNCERTAIN = {
  /** AfterShip makes the label late, once the test calls releaseLate(). */
  found: '576811122233344405',
  /** AfterShip lost the request: it made nothing. */
  none: '576811122233344410',
  /** Shipium made the label; its answer was lost, and Shipium cannot be asked. */
  unsupported: '576811122233344415',
} as const;

/**
 * A station on AfterShip with three purchases that got no clear answer: two "checking" (AfterShip
 * may still make their labels for a minute or more) and one Shipium purchase a supervisor must
 * check. The background checks are slowed down so that only the screen under test asks AfterShip
 * again. `env` holds both providers' keys and addresses.
 */
export function uncertainLabelsStation(aftership: FakeAfterShip, shipium: FakeShipium, env: Record<string, string>): E2EStationOptions {
  return {
    env,
    core: { labelChecks: { windowMs: 120_000, everyMs: 120_000 } },
    settings: { provider: 'aftership' },
    seed: async (core) => {
      await loseAfterShipAnswer(core, aftership, UNCERTAIN.found, true);
      await loseAfterShipAnswer(core, aftership, UNCERTAIN.none, false);
      await core.handlers.updateSettings({ provider: 'shipium' });
      shipium.failNext('reset-after-create');
      expectOutcome(await core.handlers.submitScan({ scan: UNCERTAIN.unsupported }), 'failed', 'purchase_unknown');
      await core.handlers.updateSettings({ provider: 'aftership' });
    },
  };
}

/**
 * A station on AfterShip (`env`: its key and address) named `stationName`, whose purchases of
 * `orderIds` lost their answers before it restarted: AfterShip makes those labels when the test calls
 * `aftership.releaseLate()`, and the station adopts them in the background without printing them
 * (nobody holds the parcels here since the restart): they are "bought, not printed".
 */
export function unprintedLabelsStation(
  aftership: FakeAfterShip,
  env: Record<string, string>,
  orderIds: readonly string[],
  stationName = 'Packing 1',
): E2EStationOptions {
  return {
    env: { ...env, LABEL_STATION_PROVIDER: 'aftership', LABEL_STATION_NAME: stationName },
    core: { labelChecks: { windowMs: 120_000, everyMs: 100 } },
    seed: async (core) => {
      for (const orderId of orderIds) await loseAfterShipAnswer(core, aftership, orderId, true);
    },
    restartAfterSeed: true,
  };
}
