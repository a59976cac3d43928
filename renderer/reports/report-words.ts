/** Days and figures as the Reports screen says them. */
import type { DaySummary } from '../../shared/domain/reports';

/** YYYY-MM-DD of a local date. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The day before or after, on the station's calendar. */
export function shiftDay(day: string, by: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoDay(new Date(y, m - 1, d + by));
}

/** "Saturday 5 December 2026". */
export function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

export function costWords(cost: DaySummary['cost']): string {
  if (cost.length === 0) return '—';
  return cost
    .map((c) => {
      try {
        return new Intl.NumberFormat(undefined, { style: 'currency', currency: c.currency }).format(c.amount);
      } catch {
        return `${c.amount.toFixed(2)} ${c.currency}`;
      }
    })
    .join(' + ');
}
