import type { RecentScan } from '../state/scan-store';
import { formatTime } from '../ui/format';

const WORDS: Record<RecentScan['result'], { text: string; tone: string }> = {
  printed: { text: 'Printed', tone: 'good' },
  already_labelled: { text: 'Already labelled', tone: 'warn' },
  queued: { text: 'Waiting for printer', tone: 'warn' },
  print_failed: { text: 'Print failed', tone: 'bad' },
  failed: { text: 'Not bought', tone: 'bad' },
  split_needed: { text: 'Needs splitting', tone: 'warn' },
  check_needed: { text: 'Items to check', tone: 'warn' },
  set_aside: { text: 'Set aside — label coming', tone: 'warn' },
  printed_late: { text: 'Printed late', tone: 'good' },
  needs_checking: { text: 'Needs checking', tone: 'bad' },
};

export function RecentScans({ recent }: { recent: RecentScan[] }) {
  return (
    <aside className="recent" data-testid="recent-scans">
      <h2>Recent scans</h2>
      {recent.length === 0 && <p className="muted">None yet.</p>}
      <ol>
        {recent.map((r) => (
          <li key={r.id} className={`recent-item tone-${WORDS[r.result].tone}`}>
            <span className="recent-order">{r.orderId ?? r.scan}</span>
            <span className="recent-meta">
              <span className={`status status-${WORDS[r.result].tone}`}>{WORDS[r.result].text}</span>
              <span className="muted">{formatTime(r.at)}</span>
            </span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
