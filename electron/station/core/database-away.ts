/**
 * Settings sections whose data lives in the fleet's shared database (the Station API's tokens, the
 * write-back's delivery log): while that database is away they answer the station's own problem,
 * with what still works, instead of an unexpected error.
 */
import { StationError } from '../../../shared/errors';
import { isConnectionFailure } from '../history';

export function databaseAwayProblem(what: string): StationError {
  return new StationError(
    'fleet_database_unreachable',
    `The warehouse database is not reachable, so ${what} cannot be read or changed now.`,
    'Try again once the database light is green. Scanning, printing and reprints go on meanwhile.',
  );
}

/** Each handler, with a lost connection to the fleet's database said as `databaseAwayProblem(what)`. */
export function whileDatabaseAway<H extends Record<string, (...args: never[]) => Promise<unknown>>>(handlers: H, what: string): H {
  const guarded = {} as Record<string, (...args: never[]) => Promise<unknown>>;
  for (const [name, handler] of Object.entries(handlers)) {
    guarded[name] = async (...args) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (isConnectionFailure(error)) throw databaseAwayProblem(what);
        throw error;
      }
    };
  }
  return guarded as H;
}
