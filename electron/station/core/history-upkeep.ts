/**
 * A fleet station's share of the shared database's upkeep (history/postgres-index-upkeep.ts): looked
 * at once a day, from the station's hourly housekeeping. A look that failed (the database away) is
 * tried again at the next hour; one another station was doing counts as done.
 */
import type { UpkeepResult } from '../history';
import { describeError } from './describe-error';

/** A day, less a little so that it does not drift later each day. */
export const UPKEEP_EVERY_MS = 24 * 60 * 60_000 - 10 * 60_000;

export interface HistoryUpkeep {
  /** Runs the upkeep when a day has passed since the last one done; resolves when it has run (or was not due). */
  runIfDue(): Promise<void>;
}

export function historyUpkeep(run: () => Promise<UpkeepResult>, log: (line: string) => void, now: () => Date): HistoryUpkeep {
  let doneAt = -Infinity;
  let running: Promise<void> | undefined;
  const runOnce = async () => {
    try {
      const result = await run();
      doneAt = now().getTime();
      if (result.busy) return;
      for (const name of result.leftoversDropped) log(`history: ${name}, left by a rebuild that stopped, dropped`);
      for (const index of result.indexes) {
        if (index.bytesAfter !== null)
          log(`history: ${index.index} rebuilt, ${megabytes(index.bytesBefore)} -> ${megabytes(index.bytesAfter)} MB`);
      }
    } catch (error) {
      log(`history: the shared database's indexes not looked at this time (${describeError(error)})`);
    }
  };
  return {
    runIfDue() {
      if (now().getTime() - doneAt < UPKEEP_EVERY_MS) return Promise.resolve();
      running ??= runOnce().finally(() => (running = undefined));
      return running;
    },
  };
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(0);
