import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { describeTotal, SUBSTRING_MIN_LENGTH } from '../../shared/domain/history-search';
import { HistoryFilterBar, NO_FILTERS, toHistoryFilters, type FilterBarValue } from './HistoryFilterBar';
import type { LabelRecord } from '../../shared/domain/labels';
import { useHistory, useUncertainLabels } from '../api/queries';
import { useDebounced } from '../ui/hooks';
import { useNav } from '../state/nav';
import { timeParts } from '../ui/format';
import { canReprint, isUncertain, isUnprinted } from '../../shared/domain/labels';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';
import { ReprintButton } from '../ui/ReprintButton';
import { StatusBadge } from '../ui/StatusBadge';
import { HistoryDetail } from './HistoryDetail';
import { ReprintSelectedButton } from './ReprintSelectedButton';
import { useWaitingLabels } from '../api/print-queue-state';
import { useDatabaseStatus } from '../api/database-status';
import { BoxesTag } from './LabelBoxes';
import { ScanNoticeBar } from '../ui/ScanNoticeBar';

/** uncertain: purchases without a clear answer; waiting: labels with a print job waiting for its printer. */
type Filter = 'all' | 'uncertain' | 'waiting';

export function HistoryScreen() {
  const initialQuery = useNav((s) => s.historyQuery);
  const initialLabel = useNav((s) => s.historyLabelId);
  const [query, setQuery] = useState(initialQuery);
  const [filter, setFilter] = useState<Filter>('all');
  const [bar, setBar] = useState<FilterBarValue>(NO_FILTERS);
  // Typing and filter changes ask the station once they settle (search as you type).
  const debounced = useDebounced(query.trim(), 200);
  const settledBar = useDebounced(bar, 200);
  const filters = useMemo(() => {
    const backwards = settledBar.fromDay && settledBar.toDay && settledBar.toDay < settledBar.fromDay;
    return toHistoryFilters(backwards ? { ...settledBar, toDay: '' } : settledBar);
  }, [settledBar]);
  const history = useHistory(debounced, filters);
  const uncertain = useUncertainLabels();
  const waiting = useWaitingLabels();
  const [selected, setSelected] = useState<string | null>(initialLabel);
  // Labels ticked for "Reprint selected", in the order they were ticked.
  const [picked, setPicked] = useState<string[]>([]);
  const togglePicked = (id: string) => setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now, id]));
  const needsChecking = uncertain.data ?? [];
  // In a fleet the list says which station bought each label; a station on its own history bought them all.
  const fleet = useDatabaseStatus().data?.mode === 'fleet';
  const pages = history.data?.pages;
  const all = useMemo(() => pages?.flatMap((p) => p.labels) ?? [], [pages]);
  const labels =
    filter === 'uncertain'
      ? needsChecking.filter((l) => matches(l, debounced))
      : filter === 'waiting'
        ? waiting.labels.filter((l) => matches(l, debounced)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        : all;
  const seen = useMemo(() => distinctValues(all), [all]);

  // Only the rows in view are in the page; the next keyset page loads as the list nears its end.
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: labels.length, getScrollElement: () => scroller.current, estimateSize: () => 52, overscan: 10 });
  const items = rows.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;
  useEffect(() => {
    if (filter === 'all' && hasNextPage && !isFetchingNextPage && lastShown >= labels.length - 15) void fetchNextPage();
  }, [filter, hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, labels.length]);
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? rows.getTotalSize() - items.at(-1)!.end : 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setSelected(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const first = history.data?.pages[0];
  const counted =
    filter === 'all'
      ? { total: first?.total ?? 0, totalIsMore: first?.totalIsMore ?? false }
      : { total: labels.length, totalIsMore: false };
  const loaded = filter === 'uncertain' ? uncertain.isSuccess : filter === 'waiting' ? waiting.isSuccess : history.isSuccess;
  const error = filter === 'uncertain' ? uncertain.error : filter === 'waiting' ? waiting.error : history.error;

  return (
    <div className="history-screen">
      <div className="history-main">
        {needsChecking.length > 0 && filter === 'all' && (
          <div className="uncertain-banner" role="alert" data-testid="uncertain-banner">
            <span>
              ⚠ {needsChecking.length === 1 ? '1 label needs' : `${needsChecking.length} labels need`} checking: the provider gave no clear
              answer, so a label may have been bought. Do not scan {needsChecking.length === 1 ? 'that order' : 'those orders'} again until
              checked.
            </span>
            <button className="button button-small" onClick={() => setFilter('uncertain')}>
              Show them
            </button>
          </div>
        )}
        <ScanNoticeBar on="history" />
        <div className="history-toolbar">
          <input
            className="search-input"
            data-testid="history-search"
            type="search"
            placeholder="Order, tracking (any part), #1001, operator"
            value={query}
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="chips" role="group" aria-label="Show">
            <button
              className={filter === 'all' ? 'chip chip-active' : 'chip'}
              aria-pressed={filter === 'all'}
              onClick={() => setFilter('all')}
              data-testid="filter-all"
            >
              All labels
            </button>
            <button
              className={[
                'chip',
                'chip-uncertain',
                filter === 'uncertain' ? 'chip-active' : '',
                needsChecking.length > 0 ? 'chip-alert' : '',
              ].join(' ')}
              aria-pressed={filter === 'uncertain'}
              onClick={() => setFilter('uncertain')}
              data-testid="filter-uncertain"
            >
              Needs checking <span className="chip-count">{uncertain.isSuccess ? needsChecking.length : '…'}</span>
            </button>
            <button
              className={['chip', 'chip-waiting', filter === 'waiting' ? 'chip-active' : '', waiting.count > 0 ? 'chip-warn' : ''].join(
                ' ',
              )}
              aria-pressed={filter === 'waiting'}
              onClick={() => setFilter('waiting')}
              data-testid="filter-waiting"
            >
              Waiting for printer <span className="chip-count">{waiting.count}</span>
            </button>
          </div>
          <span className="muted" data-testid="history-count">
            {loaded ? describeTotal(counted) : ''}
          </span>
        </div>
        {filter === 'all' && <HistoryFilterBar value={bar} onChange={setBar} seen={seen} fleet={fleet} />}
        {picked.length > 0 && (
          <div className="history-picked" data-testid="history-picked">
            <ReprintSelectedButton labelIds={picked} orderOf={(id) => labels.find((l) => l.id === id)?.orderId} />
            <button
              className="button button-small button-secondary"
              type="button"
              onClick={() => setPicked([])}
              data-testid="history-unpick"
            >
              Clear selection
            </button>
          </div>
        )}
        {error && <ProblemBox problem={toProblem(error)} />}
        <div className="history-scroll" ref={scroller} data-testid="history-scroll">
          <table className="history-table" data-testid="history-table">
            <thead>
              <tr>
                <th className="history-pick" aria-label="Select for reprinting" />
                <th>Time</th>
                <th>Order ID</th>
                <th>Tracking</th>
                <th>Provider</th>
                <th>Status</th>
                <th className="num">Prints</th>
                {fleet && <th>Station</th>}
                <th>Operator</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && <tr aria-hidden="true" className="history-pad" style={{ height: padTop }} />}
              {items.map(({ index }) => {
                const label = labels[index]!;
                return (
                  <tr
                    key={label.id}
                    data-index={index}
                    ref={rows.measureElement}
                    className={
                      [
                        selected === label.id ? 'selected' : '',
                        label.status === 'checking' ? 'row-checking' : isUncertain(label.status) ? 'row-uncertain' : '',
                        label.status === 'queued' ? 'row-waiting' : '',
                      ]
                        .join(' ')
                        .trim() || undefined
                    }
                    onClick={() => setSelected(label.id)}
                    data-testid="history-row"
                  >
                    <td className="history-pick" onClick={(e) => e.stopPropagation()}>
                      {canReprint(label.status) && !isUnprinted(label) && (
                        <input
                          type="checkbox"
                          checked={picked.includes(label.id)}
                          onChange={() => togglePicked(label.id)}
                          aria-label={`Select order ${label.orderId} for reprinting`}
                          data-testid="history-pick"
                        />
                      )}
                    </td>
                    <td className="nowrap">
                      <TimeCell iso={label.createdAt} />
                    </td>
                    <td className="mono strong">
                      {label.orderId}
                      <BoxesTag boxes={label.boxes} />
                    </td>
                    <td className="mono">{label.trackingNumbers[0] ?? '—'}</td>
                    <td>{label.sandbox ? <span className="sandbox-chip">SANDBOX</span> : PROVIDER_SHORT_NAMES[label.provider]}</td>
                    <td>
                      <StatusBadge status={label.status} />
                    </td>
                    <td className="num">{label.printCount}</td>
                    {fleet && (
                      <td className="history-station" data-testid="history-station">
                        {label.station || '—'}
                      </td>
                    )}
                    <td>{label.operator || '—'}</td>
                    <td onClick={(e) => e.stopPropagation()}>
                      {canReprint(label.status) && (
                        <ReprintButton
                          labelId={label.id}
                          size="small"
                          first={isUnprinted(label)}
                          label={isUnprinted(label) ? 'Print' : 'Reprint'}
                        />
                      )}
                      {isUncertain(label.status) && (
                        <button className="button button-small" onClick={() => setSelected(label.id)}>
                          Check
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 && <tr aria-hidden="true" className="history-pad" style={{ height: padBottom }} />}
            </tbody>
          </table>
        </div>
        {loaded && labels.length === 0 && (
          <p className="empty">
            {filter === 'uncertain'
              ? 'Nothing needs checking: every purchase got a clear answer.'
              : filter === 'waiting' && !debounced
                ? 'No label is waiting for a printer: everything sent has printed.'
                : debounced
                  ? `No label matches “${debounced}”${Object.keys(filters).length ? ' with these filters' : ''}.`
                  : Object.keys(filters).length
                    ? 'No label matches these filters.'
                    : 'No labels yet. Scanned orders appear here.'}
          </p>
        )}
        {filter === 'all' && isFetchingNextPage && <p className="muted history-loading">Loading more labels…</p>}
      </div>
      {selected && <HistoryDetail labelId={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

/** The same rule as the station's search: any part of a field from three characters, its start below. */
function matches(label: LabelRecord, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  const fields = [label.orderId, label.scanned ?? '', label.operator, ...label.trackingNumbers].map((f) => f.toLowerCase());
  return fields.some((f) => ([...q].length >= SUBSTRING_MIN_LENGTH ? f.includes(q) : f.startsWith(q)));
}

/** Printers, stations and operators of the labels loaded: what the filter bar offers. */
function distinctValues(labels: LabelRecord[]): { printers: string[]; stations: string[]; operators: string[] } {
  const of = (pick: (l: LabelRecord) => string) => [...new Set(labels.map(pick).filter(Boolean))].sort();
  return { printers: of((l) => l.printer), stations: of((l) => l.station), operators: of((l) => l.operator) };
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
