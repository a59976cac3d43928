/**
 * Where the top bar's light turns amber or red, and why there. Used by the station core to set the
 * light and by the Health panel to explain it.
 */

/**
 * Failure rates are judged on at least this many requests in the hour: one lost answer out of two
 * requests is bad luck, not a trend. A station buys 25–30 labels an hour (2–4 requests each), so a
 * working hour always has enough.
 */
export const MIN_REQUESTS_FOR_RATE = 4;
/** 5 %: about one scan in seven fails somewhere when each takes three requests: packers notice. */
export const FAILURE_RATE_AMBER = 0.05;
/** 25 %: one request in four fails: scans fail every few minutes, the provider or the network is down. */
export const FAILURE_RATE_RED = 0.25;
/**
 * 10 s at the 95th percentile: a label normally comes in 1–3 s; past 10 s the packer waits longer
 * than the 5 s it takes to peel and stick a label, and requests near the 30 s timeout start to fail.
 */
export const LATENCY_P95_AMBER_MS = 10_000;
/** 60 s held by rate limits in an hour: the station sends more than the account allows (e.g. two stations on one key). */
export const RATE_LIMIT_HELD_AMBER_MS = 60_000;
/** TikTok Shop's authorization is renewed by a supervisor in Settings; a week's notice leaves time to find one. */
export const TOKEN_WARNING_DAYS = 7;
/** Inside a day the next shift may start without labels. */
export const TOKEN_URGENT_DAYS = 1;
/** A printer that faulted 3 times in 24 h needs a look (roll badly loaded, loose cable). */
export const PRINTER_FAULTS_AMBER = 3;
/** 10 faults in 24 h: it stops the line several times a shift. */
export const PRINTER_FAULTS_RED = 10;
/** Labels held at a printer for 10 minutes: parcels are piling up; someone must go to it now. */
export const PRINTER_HOLD_RED_MS = 10 * 60_000;
/** The backup runs daily; two days without one means it is not running. */
export const BACKUP_STALE_MS = 48 * 60 * 60_000;
/**
 * A history restored from a backup at start keeps the light amber for a week: whoever looks next
 * (the next shift, the supervisor back from leave) learns that labels bought after the backup are
 * not in History, and that the damaged file waits in the data folder.
 */
export const HISTORY_RESTORED_NOTICE_MS = 7 * 24 * 60 * 60_000;
