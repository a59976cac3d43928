import { useEffect, useState } from 'react';
import { useHistory } from '../queries';
import { useDebounced } from '../hooks';
import { useNav } from '../state/nav';
import { canReprint, timeParts } from '../format';
import { toProblem } from '../problem';
import { ProblemBox } from '../components/ProblemBox';
import { ReprintButton } from '../components/ReprintButton';
import { StatusBadge } from '../components/StatusBadge';
import { HistoryDetail } from '../components/HistoryDetail';

export function HistoryScreen() {
  const initialQuery = useNav((s) => s.historyQuery);
  const [query, setQuery] = useState(initialQuery);
  const debounced = useDebounced(query.trim(), 250);
  const history = useHistory(debounced);
  const [selected, setSelected] = useState<string | null>(null);
  const labels = history.data?.pages.flatMap((p) => p.labels) ?? [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setSelected(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const total = history.data?.pages[0]?.total ?? 0;

  return (
    <div className="history-screen">
      <div className="history-main">
        <div className="history-toolbar">
          <input
            className="search-input"
            data-testid="history-search"
            type="search"
            placeholder="Search order ID or tracking number"
            value={query}
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="muted" data-testid="history-count">
            {history.isSuccess ? `${total} label${total === 1 ? '' : 's'}` : ''}
          </span>
        </div>
        {history.isError && <ProblemBox problem={toProblem(history.error)} />}
        <table className="history-table" data-testid="history-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Order ID</th>
              <th>Tracking</th>
              <th>Provider</th>
              <th>Status</th>
              <th className="num">Prints</th>
              <th>Operator</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => (
              <tr
                key={label.id}
                className={selected === label.id ? 'selected' : undefined}
                onClick={() => setSelected(label.id)}
                data-testid="history-row"
              >
                <td className="nowrap">
                  <TimeCell iso={label.createdAt} />
                </td>
                <td className="mono strong">{label.orderId}</td>
                <td className="mono">{label.trackingNumbers[0] ?? '—'}</td>
                <td>{label.sandbox ? <span className="sandbox-chip">SANDBOX</span> : label.provider === 'aftership' ? 'AfterShip' : label.provider}</td>
                <td>
                  <StatusBadge status={label.status} />
                </td>
                <td className="num">{label.printCount}</td>
                <td>{label.operator || '—'}</td>
                <td onClick={(e) => e.stopPropagation()}>
                  {canReprint(label.status) && <ReprintButton labelId={label.id} size="small" label="Reprint" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {history.isSuccess && labels.length === 0 && (
          <p className="empty">{debounced ? `No label matches “${debounced}”.` : 'No labels yet. Scanned orders appear here.'}</p>
        )}
        {history.hasNextPage && (
          <button className="button load-more" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
            {history.isFetchingNextPage ? 'Loading…' : `Load more (${labels.length} of ${total} shown)`}
          </button>
        )}
      </div>
      {selected && <HistoryDetail labelId={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

function TimeCell({ iso }: { iso: string }) {
  const { date, time } = timeParts(iso);
  return (
    <>
      {date && <span className="time-date">{date}</span>}
      {time}
    </>
  );
}
