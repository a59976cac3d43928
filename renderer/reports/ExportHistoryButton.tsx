import type { MethodInput } from '../../shared/contract';
import { useExportHistory, useShowExportedFile } from '../api/reports';
import { useStationInfo } from '../api/queries';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';
import { useEffect, useRef } from 'react';
import { Kbd } from '../ui/hotkey';

/**
 * Writes the labels `filter` selects (History's search and filters; all labels when empty) to a CSV
 * file on this computer and says where it is. History's list can place it next to its filters.
 */
export function ExportHistoryButton({
  filter = {},
  hotkey,
  label = 'Export to CSV',
}: {
  filter?: MethodInput<'exportHistory'>;
  /** A function key that presses it (not while a dialog is open). */
  hotkey?: string;
  label?: string;
}) {
  const exported = useExportHistory();
  const reveal = useShowExportedFile();
  // Only Electron can open the computer's file manager; the browser shell shows the path alone.
  const canReveal = useStationInfo().data?.shell === 'electron';
  const run = () => {
    if (exported.isPending) return;
    reveal.reset();
    exported.mutate(filter);
  };
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!hotkey) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== hotkey || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (e.target instanceof HTMLElement && e.target.closest('dialog')) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hotkey]);
  return (
    <div className="export-history">
      <button className="button" type="button" onClick={run} disabled={exported.isPending} data-testid="export-history">
        {exported.isPending ? 'Exporting…' : label} <Kbd keyName={hotkey} />
      </button>
      {exported.isSuccess && (
        <p className="export-result" role="status" data-testid="export-result">
          Saved {exported.data.rows.toLocaleString()} label{exported.data.rows === 1 ? '' : 's'} to{' '}
          <span className="mono" data-testid="export-path">
            {exported.data.path}
          </span>
        </p>
      )}
      {exported.isSuccess && canReveal && (
        <div className="save-row">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => reveal.mutate(exported.data.fileName)}
            disabled={reveal.isPending}
            data-testid="show-in-folder"
          >
            Show in folder
          </button>
        </div>
      )}
      {exported.isError && <ProblemBox problem={toProblem(exported.error)} />}
      {reveal.isError && <ProblemBox problem={toProblem(reveal.error)} />}
    </div>
  );
}
