/**
 * Reports (Alt+R): a day's figures — labels, boxes, cost, failures, reprints — per hour as a bar chart
 * and per operator; ←/→ change the day, T goes back to today; F8 prints the summary on an office (PDF)
 * printer; F9 exports History to CSV. (No letter keys for actions: a scanner's burst types letters.)
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { daySummaryQuery, usePrintDaySummary } from '../api/reports';
import { useSettings } from '../api/queries';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';
import { Kbd } from '../ui/hotkey';
import { HourChart } from './HourChart';
import { BreakdownTable } from './BreakdownTable';
import { ExportHistoryButton } from './ExportHistoryButton';
import { costWords, isoDay, longDay, shiftDay } from './report-words';

/** Alt+R opens Reports from any screen (by the key's place, whatever the keyboard layout types there). */
export function isReportsKey(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR';
}
const PRINT_KEY = 'F8';
const EXPORT_KEY = 'F9';

export function ReportsScreen() {
  const today = isoDay(new Date());
  const [day, setDay] = useState(today);
  const summary = useQuery(daySummaryQuery(day));
  const s = summary.data;
  const printers = (useSettings().data?.printers.list ?? []).filter((p) => p.language === 'pdf');
  const [printerId, setPrinterId] = useState<string | null>(null);
  const chosen = printers.find((p) => p.id === printerId) ?? printers[0];
  const print = usePrintDaySummary();
  const printSummary = () => chosen && !print.isPending && print.mutate({ date: day, printerId: chosen.id });
  // "Sent to …" belongs to the day it was printed for.
  const resetPrint = print.reset;
  useEffect(() => resetPrint(), [day, resetPrint]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof HTMLElement && e.target.closest('dialog')) return;
      if (e.key === PRINT_KEY) printSummary();
      else if (e.target instanceof HTMLElement && e.target.matches('input, textarea, select')) return;
      else if (e.key === 'ArrowLeft') setDay((d) => shiftDay(d, -1));
      else if (e.key === 'ArrowRight') setDay((d) => (d < today ? shiftDay(d, 1) : d));
      else if (e.key.toLowerCase() === 't') setDay(today);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="reports-screen" data-testid="reports-screen">
      <div className="reports-head">
        <h2>End of day</h2>
        <div className="reports-day">
          <button
            className="button button-secondary button-small"
            onClick={() => setDay(shiftDay(day, -1))}
            aria-label="Day before (← key)"
            title="Day before (← key)"
          >
            ← Day before
          </button>
          <input
            type="date"
            className="text-input"
            value={day}
            max={today}
            onChange={(e) => e.target.value && setDay(e.target.value)}
            aria-label="Day"
            data-testid="reports-date"
          />
          <button
            className="button button-secondary button-small"
            onClick={() => setDay(shiftDay(day, 1))}
            disabled={day >= today}
            aria-label="Day after (→ key)"
            title="Day after (→ key)"
          >
            Day after →
          </button>
          {day !== today && (
            <button className="button button-secondary button-small" onClick={() => setDay(today)}>
              Today <Kbd keyName="T" />
            </button>
          )}
          <span className="reports-day-words">{longDay(day)}</span>
        </div>
      </div>
      {summary.isError && <ProblemBox problem={toProblem(summary.error)} />}
      {summary.isPending && (
        <p className="muted" role="status" data-testid="summary-loading">
          Reading the day’s figures…
        </p>
      )}
      {s && (
        <>
          <div className="report-tiles" data-testid="report-tiles">
            <Tile name="Labels" value={s.labels} testId="tile-labels" />
            <Tile name="Boxes" value={s.boxes} testId="tile-boxes" />
            <Tile name="Cost" value={costWords(s.cost)} testId="tile-cost" />
            <Tile name="Reprints" value={s.reprints} testId="tile-reprints" />
            <Tile
              name="Failures"
              value={s.purchaseFailures + s.printFailures}
              detail={`${s.purchaseFailures} not bought · ${s.printFailures} not printed`}
              tone={s.purchaseFailures + s.printFailures > 0 ? 'bad' : undefined}
              testId="tile-failures"
            />
            {s.uncertain > 0 && <Tile name="Need checking" value={s.uncertain} tone="warn" testId="tile-uncertain" />}
          </div>
          <section className="panel report-panel">
            <h3>
              Labels per hour <span className="legend legend-labels">labels</span> <span className="legend legend-reprints">reprints</span>
            </h3>
            <HourChart hours={s.hours} />
          </section>
          <div className="report-columns">
            <section className="panel report-panel">
              <h3>Per operator</h3>
              {s.operators.length === 0 ? (
                <p className="muted">Nothing was bought or printed on this day.</p>
              ) : (
                <BreakdownTable
                  rows={s.operators}
                  heading="Operator"
                  name={(row) => ('operator' in row ? row.operator : '') || 'nobody named'}
                  testId="report-operator"
                />
              )}
            </section>
            <section className="panel report-panel">
              <h3>Reprint reasons</h3>
              {s.reprintReasons.length === 0 ? (
                <p className="muted">No reprints.</p>
              ) : (
                <ul className="report-reasons" data-testid="report-reasons">
                  {s.reprintReasons.map((r) => (
                    <li key={r.reason}>
                      <strong>{r.reprints}</strong> × {r.reason || 'no reason recorded'}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          {s.stations.length > 1 && (
            <section className="panel report-panel">
              <h3>Per station</h3>
              <BreakdownTable
                rows={s.stations}
                heading="Station"
                name={(row) => ('station' in row ? row.station : '') || 'not recorded'}
                testId="report-station"
              />
            </section>
          )}
        </>
      )}
      {/* Printing and exporting need no summary: their keys work while it loads, or when it cannot. */}
      <section className="panel report-panel report-actions">
        <div className="report-print">
          <h3>Print the summary</h3>
          {printers.length === 0 ? (
            <p className="muted" data-testid="no-a4-printer">
              No office printer: add one in Settings → Printers with the language “PDF” (an A4 or letter laser queue).
            </p>
          ) : (
            <>
              {printers.length > 1 && (
                <div className="printer-choice" role="radiogroup" aria-label="Print on">
                  {printers.map((p) => (
                    <button
                      key={p.id}
                      type="button"
                      role="radio"
                      aria-checked={p.id === chosen?.id}
                      className={p.id === chosen?.id ? 'printer-option printer-option-chosen' : 'printer-option'}
                      onClick={() => setPrinterId(p.id)}
                    >
                      {p.name}
                    </button>
                  ))}
                </div>
              )}
              <button className="button" onClick={printSummary} disabled={print.isPending} data-testid="print-summary">
                {print.isPending ? 'Printing…' : `Print summary on ${chosen?.name}`} <Kbd keyName={PRINT_KEY} />
              </button>
              {print.isSuccess &&
                (print.data.ok ? (
                  <p className="text-good" role="status" data-testid="print-summary-result">
                    Sent to {chosen?.name}.
                  </p>
                ) : (
                  print.data.problem && <ProblemBox problem={print.data.problem} />
                ))}
              {print.isError && <ProblemBox problem={toProblem(print.error)} />}
            </>
          )}
        </div>
        <div className="report-export">
          <h3>Export History</h3>
          <ExportHistoryButton label="Export every label to CSV" hotkey={EXPORT_KEY} />
        </div>
      </section>
    </div>
  );
}

function Tile({
  name,
  value,
  detail,
  tone,
  testId,
}: {
  name: string;
  value: number | string;
  detail?: string;
  tone?: 'bad' | 'warn';
  testId: string;
}) {
  return (
    <div className={tone ? `report-tile report-tile-${tone}` : 'report-tile'} data-testid={testId}>
      <span className="report-tile-value">{value}</span>
      <span className="report-tile-name">{name}</span>
      {detail && <span className="report-tile-detail">{detail}</span>}
    </div>
  );
}
