import type { AskBeforeBuying } from '../../shared/domain/settings';

/** What each choice of "Before buying" means for the warehouse (shown under the choice). */
export const ASK_BEFORE_BUYING_HINTS: Record<AskBeforeBuying, string> = {
  always:
    'Every purchase asks AfterShip first: a label bought by any station, even one outside this warehouse’s database, is found, never bought again. Two requests per label (10 a second).',
  'history-gaps':
    'Orders this history has never seen are bought straight away once it has held every purchase for 30 days (counted again from a new data folder or a backup put back). Halves the requests of a batch. Use only if every station buying with this AfterShip account shares this history.',
};
