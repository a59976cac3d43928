/** Display formatting for times, money and statuses. */
import type { LabelStatus } from '../../shared/domain/labels';

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`;
}

/** Time of day, plus the date when it is not today (shown on its own line in tables). */
export function timeParts(iso: string): { date?: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { time: iso };
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === new Date().toDateString()) return { time };
  return { date: d.toLocaleDateString([], { month: 'short', day: 'numeric' }), time };
}

/** "14:32:05": a time of day to the second, as the station writes it in its messages (24-hour clock). */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString('en-GB', { hour12: false });
}

export function formatMoney(cost: { amount: number; currency: string } | null): string {
  if (!cost) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: cost.currency }).format(cost.amount);
  } catch {
    return `${cost.amount.toFixed(2)} ${cost.currency}`;
  }
}

export const STATUS_WORDS: Record<LabelStatus, { text: string; tone: 'good' | 'warn' | 'bad' | 'info' | 'muted' }> = {
  printed: { text: 'Printed', tone: 'good' },
  bought: { text: 'Bought, not printed yet', tone: 'warn' },
  queued: { text: 'Waiting for printer', tone: 'warn' },
  print_failed: { text: 'Bought — print failed', tone: 'bad' },
  buying: { text: 'Being bought', tone: 'info' },
  checking: { text: 'Checking — a label may still come', tone: 'warn' },
  unknown: { text: 'Needs checking — may have been bought', tone: 'bad' },
  failed: { text: 'Not bought', tone: 'muted' },
};
