/** How long a printer's worker waits before sending again after consecutive transport failures. */

/** 1 s, 2 s, 5 s, 10 s, then every 30 s for as long as it takes: a job is never dropped. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];

/** `failures` counts from 1; past the end of the schedule its last delay repeats. */
export function retryDelay(schedule: readonly number[], failures: number): number {
  const index = Math.min(Math.max(failures, 1), schedule.length) - 1;
  return schedule[index]!;
}
