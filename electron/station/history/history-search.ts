/**
 * How a History search is asked of each database (see HistoryStore.search).
 *
 * SQLite: a query of 3+ characters is looked up in labels_search (FTS5, trigram tokenizer) by
 * substringCandidates, which reads the string's rarest part first: when few labels hold it, the page
 * is built from those keys (each tested for the whole string where only a part was looked up); when
 * more than CANDIDATE_CAP hold the whole string ("576", which every TikTok order starts with),
 * walking the newest-first index and testing each row finds a page of matches after a few hundred
 * rows. PostgreSQL looks up a rare 8-digit piece in labels_digit_pieces, else the string's rarest
 * 4-character pieces in labels_pieces (postgres-pieces.ts; a 3-character string in the pg_trgm index
 * labels_words); when every piece is in many labels, it walks them newest first and tests each
 * field, as SQLite does. Its total is counted to 1,001 along that walk, or from the labels the
 * pieces name, in the table's order (SearchPlan.countFrom).
 *
 * Narrower readings come first, each on its own indexes (search-readings.ts): a whole order ID or
 * tracking number, then 8 or more letters and digits as the beginning of one (an index range), then
 * 4 to 16 as the end of a tracking number (a range on its reversed tail), then "#" and more as the
 * start of a shop's order number scanned, then an operator's whole name. Each reading counts its
 * index entries first (narrowed-search.ts): few are taken by key, many are tested row by row in a
 * newest-first walk, or read off an index that holds their time when the walk would be long. Their
 * trigrams ("576…", "92346…") are in nearly every label, so the substring search for them reads long
 * lists (35–130 ms on a million labels). When one of these names labels, those are the answer;
 * otherwise the substring search runs (the last digits of a tracking number, a part from the middle).
 * One or two characters are read the same way, as the start of each field (fieldStarts). A query
 * with a letter beyond ASCII is first a part of operators' names, compared by the station
 * (operator-names.ts), before it is searched as typed.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { UNCERTAIN_STATUSES } from '../../../shared/domain/labels';
import {
  HISTORY_TOTAL_CAP,
  SUBSTRING_MIN_LENGTH,
  type HistoryCursor,
  type HistoryFilters,
  type HistorySearch,
} from '../../../shared/domain/history-search';
import { NOT_PRINTED, UNPRINTED_INDEX, labelWordsOf, type Dialect } from './migrations';
import type { HistorySchema } from './schema';
import { postgresDigitPieces, postgresPieces } from './postgres-pieces';
import { recentWeeks } from './postgres-recent-weeks';
import { piecesOf } from './word-pieces';
import { phraseHolding, substringCandidates } from './substring-candidates';
import { phraseFirstPage } from './phrase-first-page';
import { byKey, newestByKey, newestHoldingByKey, testedCandidatesPlan } from './tested-candidates';
import { beyondAscii, foldName, operatorKeyed, operatorKeys } from './operator-names';
import { keyedPlan, type Condition, type SearchPlan } from './search-plan';
import {
  SEARCHED_FIELDS,
  escapeLike,
  exactMatch,
  fieldStarts,
  operatorNamed,
  prefixRange,
  scannedStart,
  trackingEndsWith,
  type Narrowing,
} from './search-readings';
import { countEntries, narrowTo } from './narrowed-search';

/** Shorter queries are parts of numbers, not whole order IDs or tracking numbers. */
const EXACT_MIN_LENGTH = 10;
/** The beginning of an order ID or tracking number as people type it: looked up on their indexes first. */
const PREFIX_QUERY = /^[0-9A-Za-z]{8,40}$/;
/** The last characters of a tracking number (as read off a parcel): the reversed-tail index holds 16. */
const SUFFIX_QUERY = /^[0-9A-Za-z]{4,16}$/;

export async function planSearch(db: Kysely<HistorySchema>, dialect: Dialect, input: HistorySearch): Promise<SearchPlan> {
  const operator = await operatorFilter(db, dialect, input.filters?.operator);
  const filters = filterConditions(dialect, input, operator);
  // Which filter's index SQLite walks is read only when a plan walks: a query read by key needs none.
  let walk: Promise<RawBuilder<unknown>> | undefined;
  const walked = () => (walk ??= dialect === 'sqlite' ? rarestFilterWalk(db, input, operator) : Promise.resolve(sql`labels AS l`));
  const q = input.query.trim();
  if (q === '') return { from: await walked(), where: filters, knownMore: false };
  if ([...q].length < SUBSTRING_MIN_LENGTH) {
    return (await narrowTo(db, dialect, await fieldStarts(db, dialect, q), filters, walked, input)) ?? keyedPlan(dialect, [], filters);
  }
  if (beyondAscii(q)) {
    // A letter the databases may not fold (see operator-names.ts): the operators whose name holds it
    // in any case, when there are any; else it is searched as typed.
    const folded = foldName(q);
    const keys = await operatorKeys(db, dialect, (name) => name.includes(folded));
    if (keys.length) return { from: sql`labels AS l`, where: [...filters, operatorKeyed(dialect, keys)], knownMore: false };
  }
  const narrowings = [
    q.length >= EXACT_MIN_LENGTH && exactMatch(dialect, q),
    PREFIX_QUERY.test(q) && prefixRange(dialect, q),
    SUFFIX_QUERY.test(q) && trackingEndsWith(dialect, q),
    q.startsWith('#') && [scannedStart(dialect, q)],
  ].filter((narrowing): narrowing is Narrowing => narrowing !== false);
  const counted = await countEntries(db, narrowings);
  for (const [n, narrowing] of narrowings.entries()) {
    const plan = await narrowTo(db, dialect, narrowing, filters, walked, input, counted[n]);
    if (plan) return plan;
  }
  if (/\p{L}/u.test(q)) {
    const person = operatorNamed(dialect, q);
    const found = await sql<{ one: number }>`SELECT 1 AS one FROM labels AS l WHERE ${person} LIMIT 1`.execute(db);
    if (found.rows.length > 0) return { from: sql`labels AS l`, where: [...filters, person], knownMore: false };
  }
  if (dialect === 'postgres') {
    const words = q.toLowerCase();
    // Letters beyond ASCII are lowered by the database, as it lowered the labels' words: its locale
    // may fold fewer of them than the station (the C locale: none).
    const pattern = beyondAscii(q) ? sql`lower(${`%${escapeLike(q)}%`})` : sql`${`%${escapeLike(words)}%`}`;
    // lower() of every candidate's words costs a tenth of a search of 2,000 candidates; a query
    // without letters finds the same labels in the words as they are.
    const inWords = sql`${/^[^A-Za-z]*$/.test(q) && !beyondAscii(q) ? DIGIT_WORDS : POSTGRES_WORDS} LIKE ${pattern} ESCAPE '\\'`;
    // A rare 8-digit piece names a few dozen labels, where its 4-digit pieces may each name thousands.
    const digitKeys = await postgresDigitPieces(db, words);
    // The newest labels are looked for in the weeks likely to hold them first (SearchPlan.recentFrom).
    const weeksFor = async (wanted: number, cursor?: HistoryCursor | null) =>
      digitKeys.share === undefined ? undefined : recentWeeks(db, digitKeys.share, wanted, cursor);
    const totalWeeks = await weeksFor(HISTORY_TOTAL_CAP + 1);
    if (digitKeys.find.length) {
      const from = digitPieceLabels(digitKeys.find);
      const pageWeeks = await weeksFor(input.limit + 1, input.cursor);
      return {
        from,
        recentFrom: pageWeeks && digitPieceLabels(digitKeys.find, pageWeeks),
        where: [...filters, inWords],
        knownMore: false,
        rowAt: sql`l.row_at`,
        countFrom: from,
        recentCountFrom: totalWeeks && digitPieceLabels(digitKeys.find, totalWeeks),
      };
    }
    // Too many for a page, but few enough that counting 1,001 of them costs less than the walk's count
    // (with a filter the labels they name may hold few matches: those are counted as the page is read).
    const byDigits = digitKeys.count.length > 0 && filters.length === 0;
    const countByDigits = byDigits ? digitPieceLabels(digitKeys.count) : undefined;
    const recentCountFrom = byDigits && totalWeeks ? digitPieceLabels(digitKeys.count, totalWeeks) : undefined;
    const pieces = await postgresPieces(db, words, PIECE_CANDIDATES_CAP);
    // OFFSET 0 keeps the LIKE out of the pieces' scan: the planner would add the trigram index to it
    // (a list of 15,000 labels for a string of common trigrams) and test each label's pieces again.
    if (pieces.length) {
      const from = sql`(SELECT l.*, l.ctid AS row_at FROM labels AS l WHERE label_pieces(${POSTGRES_WORDS}) @> ${pieces}::text[] OFFSET 0) AS l`;
      return {
        from,
        where: [...filters, inWords],
        knownMore: false,
        rowAt: sql`l.row_at`,
        countFrom: countByDigits ?? from,
        recentCountFrom,
      };
    }
    // A 3-character string has no piece (nor has one whose every piece has a letter beyond ASCII):
    // the trigram index finds one that is in no label at once.
    if (piecesOf(words).every(beyondAscii)) return { from: await walked(), where: [...filters, inWords], knownMore: false };
    // Every piece is in so many labels that a walk newest first finds a page at once. Each field is
    // tested on its own (1.5-2x faster than the joined words), and the trigram index is not offered:
    // the planner's guess from a sample of labels sometimes chose it (long lists, then every label read).
    const caseless = words === q.toUpperCase();
    const eachField = anyFieldLike(pattern, caseless ? undefined : (field) => sql`lower(${field})`);
    return { from: await walked(), where: [...filters, eachField], knownMore: false, countFrom: countByDigits, recentCountFrom };
  }
  const anyPart = anyFieldLike(`%${escapeLike(q)}%`);
  const found = await substringCandidates(db, q);
  if ('phrase' in found && filters.length === 0 && !input.cursor) {
    const first = await phraseFirstPage(db, found.phrase, input.limit + 1);
    if (first) return first;
  }
  const candidates = 'phrase' in found ? await phraseHolding(db, found.phrase) : found;
  if ('many' in candidates) {
    // More labels hold it than a total counts. A first page is read on label_words, newest key first
    // (71 bytes a label, where a walk newest first reads each label's row: "111899204", in 2 % of a
    // million labels, reads 2,550 of them for a page).
    const newest = filters.length === 0 && !input.cursor ? await newestHoldingByKey(db, anyPart, input.limit + 1) : undefined;
    if (newest) return { from: byKey(newest), where: [], knownMore: true };
    return { from: await walked(), where: [...filters, anyPart], knownMore: filters.length === 0 };
  }
  if (!candidates.exact) return testedCandidatesPlan(db, candidates.keys, anyPart, filters, input);
  const keys = candidates.keys;
  if (filters.length > 0) return { from: byKey(keys), where: filters, knownMore: false };
  // A first page is among the newest keys: 51 of 2,200 looked up on the index, not every one.
  const paged = input.cursor ? keys : await newestByKey(db, keys, input.limit + 1);
  return { from: byKey(paged), where: [], knownMore: false, total: keys.length };
}

/**
 * Each equality filter with the newest-first index that walks only its rows (a status other than
 * printed: UNPRINTED_INDEX), in the order ties are broken: an operator's labels are usually fewer
 * than a printer's, a printer's than its station's, and a provider's and a status's are most.
 */
const FILTER_INDEXES = {
  operator: 'labels_operator_newest',
  printer: 'labels_printer_newest',
  station: 'labels_station_newest',
  provider: 'labels_provider_newest',
  status: 'labels_status_newest',
} as const;
type FilterName = keyof typeof FILTER_INDEXES;
/** Newest labels of one filter value read at most: enough to tell a rare value from a common one. */
const FILTER_COUNT_CAP = 5000;

/** How common a filter value is among the newest labels, read off its index. */
interface FilterShare {
  index: string;
  /** Its labels, counted to FILTER_COUNT_CAP. */
  rows: number;
  /** When the FILTER_COUNT_CAP-th newest of them was added (null when not read in time order). */
  since: string | null;
}

/** A value with fewer labels is rarer; of two with FILTER_COUNT_CAP or more, the one whose newest labels go further back. */
function rarer(a: FilterShare, b: FilterShare): boolean {
  if (a.rows !== b.rows) return a.rows < b.rows;
  return a.since !== null && (b.since === null || a.since < b.since);
}

/**
 * With two filters or more, SQLite walks the index of the filter whose labels are fewest among the
 * newest: a walk newest first reads fewest entries there. Its own statistics cannot tell (ANALYZE
 * samples with analysis_limit, so no sqlite_stat4 histogram: every status looks as common as any
 * other) and it picked the station's index for "print failed at Packing 2", reading a fifth of a
 * million labels for 181 rows. Each value's newest labels are read on its own index, at most
 * FILTER_COUNT_CAP of them (well under a millisecond each): fewer labels, or the same number going
 * further back in time, is rarer (a provider with 10 % of the labels against a station with 20 %:
 * both have thousands); FILTER_INDEXES' order breaks what is left. The filters' indexes but status's
 * carry the other filters and the searched words, so such a walk reads no label's row.
 */
async function rarestFilterWalk(db: Kysely<HistorySchema>, input: HistorySearch, operator: OperatorFilter): Promise<RawBuilder<unknown>> {
  const f = input.filters ?? {};
  const used = (Object.keys(FILTER_INDEXES) as FilterName[]).filter((name) => f[name] !== undefined);
  if (used.length < 2) return sql`labels AS l`;
  let rarest: FilterShare | undefined;
  for (const name of used) {
    const index = name === 'status' && isUnprinted(f.status!) ? UNPRINTED_INDEX : FILTER_INDEXES[name];
    // Several operators' keys (a name beyond ASCII) are ranges of their own: in time order they would be sorted.
    const inTimeOrder = !(name === 'operator' && operator && operator.length > 1);
    const read = await sql<{ n: number; since: string | null }>`
      SELECT count(*) AS n, ${inTimeOrder ? sql`min(created_at)` : sql`NULL`} AS since FROM (
        SELECT l.created_at FROM labels AS l INDEXED BY ${sql.raw(index)} WHERE ${filterCondition('sqlite', name, f, operator)}
        ${inTimeOrder ? sql`ORDER BY l.created_at DESC, l.id DESC` : sql``} LIMIT ${FILTER_COUNT_CAP})`.execute(db);
    const share = { index, rows: Number(read.rows[0]?.n ?? 0), since: read.rows[0]?.since ?? null };
    if (!rarest || rarer(share, rarest)) rarest = share;
  }
  return sql`labels AS l INDEXED BY ${sql.raw(rarest!.index)}`;
}

/**
 * PostgreSQL asks a string's pieces when ANALYZE's shares say the labels holding them are at most
 * this many: each is read from the table and tested (1,800 in 4 ms from memory). A piece ANALYZE does not
 * list is in at most its least common listed share (half a percent of a million labels), where
 * walking every label newest first to find that no label holds the string takes 50–450 ms.
 */
const PIECE_CANDIDATES_CAP = 10_000;

/** The words labels_digit_pieces indexes (as they are, not lowered). */
const DIGIT_WORDS = sql.raw(labelWordsOf('l'));
/** What labels_digit_pieces indexes: the same expression, so the planner can use it. */
const DIGIT_PIECES = sql`label_digit_pieces_weekly(${DIGIT_WORDS}, l.created_at)`;
/** The words labels_words indexes: the same expression, so the planner can use it. */
const POSTGRES_WORDS = sql.raw(`lower(${labelWordsOf('l')})`);

/** The labels whose labels_digit_pieces hold `keys` (and one of `weeks`, where given), with where each row is. */
function digitPieceLabels(keys: string[], weeks?: number[]): RawBuilder<unknown> {
  const inWeeks = weeks ? sql` AND ${DIGIT_PIECES} && ${weeks}::int[]` : sql``;
  return sql`(SELECT l.*, l.ctid AS row_at FROM labels AS l WHERE ${DIGIT_PIECES} @> ${keys}::int[]${inWeeks} OFFSET 0) AS l`;
}

/** `pattern` in any one searched field of the label, each read through `as` (PostgreSQL's lower() where a query has letters). */
function anyFieldLike(pattern: string | Condition, as: (field: Condition) => Condition = (field) => field): Condition {
  const tests = SEARCHED_FIELDS.map((field) => sql`${as(sql.ref(field))} LIKE ${pattern} ESCAPE '\\'`);
  return sql`(${sql.join(tests, sql` OR `)})`;
}

/** The operators' keys a filter's name with letters beyond ASCII stands for (operator-names.ts); undefined for an ASCII name. */
type OperatorFilter = string[] | undefined;

async function operatorFilter(db: Kysely<HistorySchema>, dialect: Dialect, name: string | undefined): Promise<OperatorFilter> {
  if (name === undefined || !beyondAscii(name)) return undefined;
  const folded = foldName(name);
  return operatorKeys(db, dialect, (stored) => stored === folded);
}

/** The labels of UNPRINTED_INDEX, stated as the statement's own condition so that either database may walk it. */
const UNPRINTED = sql.raw(`l.${NOT_PRINTED}`);

/** Whether UNPRINTED_INDEX holds the labels in `status`. */
function isUnprinted(status: string): boolean {
  return status !== 'printed';
}

/** The labels a set equality filter keeps (`filters[name]` is given). */
function filterCondition(dialect: Dialect, name: FilterName, filters: HistoryFilters, operator: OperatorFilter): Condition {
  if (name === 'operator') return operator ? operatorKeyed(dialect, operator) : operatorNamed(dialect, filters.operator!);
  // Saying that the labels are UNPRINTED_INDEX's lets SQLite walk it.
  if (name === 'status')
    return isUnprinted(filters.status!) ? sql`l.status = ${filters.status!} AND ${UNPRINTED}` : sql`l.status = ${filters.status!}`;
  return sql`${sql.ref(`l.${name}`)} = ${filters[name]!}`;
}

function filterConditions(dialect: Dialect, input: HistorySearch, operator: OperatorFilter): Condition[] {
  const f = input.filters ?? {};
  const where: Condition[] = [];
  if (input.filter === 'uncertain') where.push(sql`l.status IN (${sql.join(UNCERTAIN_STATUSES)}) AND ${UNPRINTED}`);
  for (const name of Object.keys(FILTER_INDEXES) as FilterName[]) {
    if (f[name] !== undefined) where.push(filterCondition(dialect, name, f, operator));
  }
  // Stored times are ISO text in UTC (sorts as time): the bounds are written the same way.
  if (f.from) where.push(sql`l.created_at >= ${new Date(f.from).toISOString()}`);
  if (f.to) where.push(sql`l.created_at < ${new Date(f.to).toISOString()}`);
  return where;
}
