/** Figures in a supervisor's words: percentages, seconds, durations, "in 3 days". */

export const LIGHT_WORDS = { green: 'All good', amber: 'Needs attention', red: 'Problem' } as const;

export function percentWords(rate: number): string {
  if (rate > 0 && rate < 0.01) return '< 1 %';
  return `${Math.round(rate * 100)} %`;
}

export function msWords(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function durationWords(ms: number): string {
  if (ms <= 0) return '—';
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 60 * 60_000) return `${Math.round(ms / 60_000)} min`;
  const hours = ms / (60 * 60_000);
  return hours < 48 ? `${hours.toFixed(hours < 10 ? 1 : 0)} h` : `${Math.round(hours / 24)} days`;
}

/** "in 3 days", "in 5 hours", "2 days ago". */
export function untilWords(iso: string | null, now: number): string {
  if (!iso) return '';
  const left = Date.parse(iso) - now;
  const words = durationWords(Math.abs(left));
  return left >= 0 ? `in ${words}` : `${words} ago`;
}

export function whenWords(iso: string | null): string {
  if (!iso) return 'never';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function bytesWords(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
