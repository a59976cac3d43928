/**
 * The end-of-day summary: a day of the station's calendar (its time zone), counted from the labels
 * created and the print attempts made that day. The same figures go to the Reports screen, the
 * printed A4 summary and, through the contract, a WMS.
 */
import { SOLD_STATUSES, UNCERTAIN_STATUSES, type LabelStatus } from '../../../shared/domain/labels';
import type { DaySummary, SummaryCounts } from '../../../shared/domain/reports';
import type { DayAttempt, DayLabel, LabelHistory } from '../history';

export type DaySource = Pick<LabelHistory, 'dayActivity'>;

/** The day's bounds as ISO times: local midnight to the next local midnight (23 or 25 hours on a clock change). */
export function localDayBounds(date: string): { from: Date; to: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { from: new Date(y, m - 1, d), to: new Date(y, m - 1, d + 1) };
}

/** Today on the station's calendar, YYYY-MM-DD. */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export async function daySummary(history: DaySource, date: string): Promise<DaySummary> {
  const { from, to } = localDayBounds(date);
  const activity = await history.dayActivity(from.toISOString(), to.toISOString());
  return summarize(date, from, to, activity.labels, activity.attempts);
}

const SOLD = new Set<LabelStatus>(SOLD_STATUSES);
const UNCERTAIN = new Set<LabelStatus>(UNCERTAIN_STATUSES);

const zero = (): SummaryCounts => ({ labels: 0, boxes: 0, purchaseFailures: 0, printFailures: 0, reprints: 0 });

export function summarize(date: string, from: Date, to: Date, labels: DayLabel[], attempts: DayAttempt[]): DaySummary {
  const total = zero();
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, ...zero() }));
  const operators = new Breakdown();
  const stations = new Breakdown();
  const cost = new Map<string, number>();
  const reasons = new Map<string, number>();
  let uncertain = 0;
  const slices = (who: { operator: string; station: string }, at: string): SummaryCounts[] => [
    total,
    hours[new Date(at).getHours()]!,
    operators.counts(who.operator),
    stations.counts(who.station),
  ];
  for (const label of labels) {
    if (UNCERTAIN.has(label.status)) uncertain += 1;
    if (SOLD.has(label.status)) {
      for (const slice of slices(label, label.createdAt)) {
        slice.labels += 1;
        slice.boxes += label.boxes;
      }
      if (label.cost !== null && label.currency) {
        add(cost, label.currency, label.cost);
        operators.spend(label.operator, label.currency, label.cost);
        stations.spend(label.station, label.currency, label.cost);
      }
    } else if (label.status === 'failed') {
      for (const slice of slices(label, label.createdAt)) slice.purchaseFailures += 1;
    }
  }
  for (const attempt of attempts) {
    if (!attempt.ok) {
      for (const slice of slices(attempt, attempt.at)) slice.printFailures += 1;
    } else if (attempt.reprint) {
      for (const slice of slices(attempt, attempt.at)) slice.reprints += 1;
      add(reasons, attempt.reason ?? '', 1);
    }
  }
  return {
    date,
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...total,
    cost: amounts(cost),
    uncertain,
    hours,
    operators: operators.rows().map(({ key, ...row }) => ({ operator: key, ...row })),
    stations: stations.rows().map(({ key, ...row }) => ({ station: key, ...row })),
    reprintReasons: [...reasons]
      .map(([reason, reprints]) => ({ reason, reprints }))
      .sort((a, b) => b.reprints - a.reprints || a.reason.localeCompare(b.reason)),
  };
}

/** The day's counts and cost per operator, or per station, most labels first. */
class Breakdown {
  private readonly slices = new Map<string, SummaryCounts & { cost: Map<string, number> }>();

  counts(key: string): SummaryCounts {
    return this.slice(key);
  }

  spend(key: string, currency: string, amount: number): void {
    add(this.slice(key).cost, currency, amount);
  }

  private slice(key: string): SummaryCounts & { cost: Map<string, number> } {
    let slice = this.slices.get(key);
    if (!slice) this.slices.set(key, (slice = { ...zero(), cost: new Map() }));
    return slice;
  }

  rows(): Array<SummaryCounts & { key: string; cost: Array<{ currency: string; amount: number }> }> {
    return [...this.slices]
      .map(([key, { cost: spent, ...counts }]) => ({ key, ...counts, cost: amounts(spent) }))
      .sort((a, b) => b.labels - a.labels || b.reprints - a.reprints || a.key.localeCompare(b.key));
  }
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Per currency, rounded to cents (sums of floating amounts drift). */
function amounts(map: Map<string, number>): Array<{ currency: string; amount: number }> {
  return [...map]
    .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
