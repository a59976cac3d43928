import { useEffect, useRef, useState } from 'react';
import type { LabelRecord } from '../../shared/domain/labels';
import { usePrintUnprinted, useUnprintedLabels } from '../api/unprinted-labels';
import { toProblem } from '../api/problem';
import { useScanStore } from '../state/scan-store';
import { formatTime } from '../ui/format';
import {
  boughtWhereWhen,
  isPrintOldestKey,
  oldestFirst,
  printedLine,
  PRINT_OLDEST_KEY,
  refusedLine,
  UNPRINTED_NEXT,
  unprintedHeadline,
  type PrintedLine,
} from './unprinted-words';

/** More rows than this push the scan result off the screen: the rest are one click away. */
const ROWS_SHOWN = 3;

/**
 * "Bought, not printed": labels the station has but never sent to a printer (they turned up after a
 * lost answer, at this station or another). Each row prints with one click; F8 prints the oldest.
 * Shown only while there is something to print, or to say how the last Print went. Nothing in it
 * keeps the focus: the scan field gets it back after every Print.
 */
export function UnprintedLabelsPanel() {
  const list = useUnprintedLabels();
  const print = usePrintUnprinted();
  const labels = oldestFirst(list.data ?? []);
  const [showAll, setShowAll] = useState(false);
  const scanning = useScanStore((s) => s.phase === 'running');
  const { reset, mutate } = print;

  // A new scan: what the last Print said is old news.
  useEffect(() => {
    if (scanning) reset();
  }, [scanning, reset]);

  const oldest = useRef<{ label: LabelRecord | undefined; busy: boolean }>({ label: undefined, busy: false });
  oldest.current = { label: labels[0], busy: print.isPending };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPrintOldestKey(e)) return;
      e.preventDefault();
      // A question is open (e.g. cancelling a print job): it has the keyboard.
      if (document.querySelector('dialog[open]')) return;
      const { label, busy } = oldest.current;
      if (label && !busy) mutate(label);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mutate]);

  const line = print.variables
    ? print.isSuccess
      ? printedLine(print.variables.orderId, print.data)
      : print.isError
        ? refusedLine(print.variables.orderId, toProblem(print.error))
        : undefined
    : undefined;
  if (labels.length === 0 && !line) return null;
  const shown = showAll ? labels : labels.slice(0, ROWS_SHOWN);

  return (
    <section
      className={labels.length > 0 ? 'unprinted' : 'unprinted unprinted-done'}
      data-testid="unprinted-panel"
      aria-label="Labels bought, not printed"
    >
      {labels.length > 0 && (
        <>
          <h2 className="unprinted-title" data-testid="unprinted-headline">
            {unprintedHeadline(labels.length)}
          </h2>
          <p className="unprinted-next">{UNPRINTED_NEXT}</p>
          <ol className="unprinted-rows">
            {shown.map((label, i) => (
              <li key={label.id} className="unprinted-row" data-testid="unprinted-row" data-label-id={label.id}>
                <span className="unprinted-order mono" data-testid="unprinted-order">
                  {label.orderId}
                </span>
                <span className="unprinted-tracking mono">{label.trackingNumbers.join(', ') || 'no tracking number'}</span>
                <span className="unprinted-where" data-testid="unprinted-where">
                  {boughtWhereWhen(label, formatTime(label.createdAt))}
                </span>
                <button
                  className="button button-small unprinted-print"
                  type="button"
                  onClick={() => mutate(label)}
                  disabled={print.isPending}
                  data-testid="unprinted-print"
                >
                  {print.isPending && print.variables?.id === label.id ? 'Printing…' : 'Print'}
                  {i === 0 && <kbd title={`Press ${PRINT_OLDEST_KEY} to print the oldest`}>{PRINT_OLDEST_KEY}</kbd>}
                </button>
              </li>
            ))}
          </ol>
          {labels.length > ROWS_SHOWN && (
            <button className="button button-small button-secondary unprinted-more" type="button" onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Show fewer' : `Show all ${labels.length}`}
            </button>
          )}
        </>
      )}
      {line && <PrintedLineView line={line} />}
    </section>
  );
}

function PrintedLineView({ line }: { line: PrintedLine }) {
  return (
    <div className={`unprinted-result unprinted-result-${line.tone}`} role="status" data-testid="unprinted-result">
      <p className="unprinted-result-headline">{line.headline}</p>
      <p className="unprinted-result-order">
        Order <span className="mono">{line.orderId}</span>
      </p>
      {line.problem && (
        <p className="unprinted-result-detail">
          {line.problem.message} <strong>What to do: </strong>
          {line.problem.nextStep}
        </p>
      )}
    </div>
  );
}
