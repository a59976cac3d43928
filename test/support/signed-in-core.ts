/**
 * A station core with a supervisor signed in, as the station is once somebody scanned a badge: the
 * supervisor comes from the environment preset (LABEL_STATION_SUPERVISOR_*), as in a fleet set-up.
 * Every test harness that scans or changes Settings opens its core through here.
 */
import { createStationCore, type StationCore, type StationCoreOptions } from '../../electron/station';

export const TEST_SUPERVISOR = { name: 'Sam Supervisor', pin: '2468', badge: 'TEST-SUPERVISOR-7731' };

export const TEST_SUPERVISOR_ENV: Record<string, string> = {
  LABEL_STATION_SUPERVISOR_NAME: TEST_SUPERVISOR.name,
  LABEL_STATION_SUPERVISOR_PIN: TEST_SUPERVISOR.pin,
  LABEL_STATION_SUPERVISOR_BADGE: TEST_SUPERVISOR.badge,
};

/** Cheap scrypt for tests (the station's default costs ~50–100 ms a hash). */
export const TEST_HASH_COST = { log2N: 10, r: 8, p: 1 };

export async function createSignedInCore(options: StationCoreOptions): Promise<StationCore> {
  const core = await createStationCore({
    operatorHashCost: TEST_HASH_COST,
    ...options,
    env: { ...TEST_SUPERVISOR_ENV, ...(options.env ?? process.env) },
  });
  try {
    await core.handlers.signIn({ badge: TEST_SUPERVISOR.badge });
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}
