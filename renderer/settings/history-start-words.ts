import { AFTERSHIP_LOOKUP_DAYS } from '../../shared/domain/settings';

const DAY_MS = 86_400_000;

function dateAndTime(d: Date): string {
  const date = d.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
  return `${date}, ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** Since when the history holds every purchase (Settings → Warehouse database). */
export function historyStartWords(since: string | null | undefined): string {
  if (since === undefined) return '…';
  if (since === null) return 'Not known yet: the warehouse database has not answered since this station started.';
  return dateAndTime(new Date(since));
}

/**
 * What "Ask only while this history may be missing a label" does today: from when an order the
 * history has never seen is bought without asking AfterShip first.
 */
export function historyGapsNow(since: string | null | undefined, now = new Date()): string | null {
  if (!since) return null;
  const from = new Date(Date.parse(since) + AFTERSHIP_LOOKUP_DAYS * DAY_MS);
  const held = `This history holds every purchase since ${dateAndTime(new Date(since))}`;
  return now >= from
    ? `${held}: orders it has never seen are bought without asking.`
    : `${held}: until ${dateAndTime(from)} every purchase still asks AfterShip first.`;
}
