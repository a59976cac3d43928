import { useQuery } from '@tanstack/react-query';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { checkedAt, printerStatusHeadline } from '../ui/printer-status-text';
import { ProblemBox } from '../ui/ProblemBox';

/**
 * "Check printer" in Settings: asks one saved printer how it is. A printer added in the form and not
 * saved yet cannot be asked; a changed address is checked only once saved.
 */
export function PrinterStatusCheck({
  printerId,
  savedAddress,
  draftAddress,
}: {
  printerId: string | null;
  savedAddress?: string;
  draftAddress: string;
}) {
  // Not fetched on its own: the button asks.
  const status = useQuery({
    queryKey: [...keys.printerStatus, 'settings', printerId ?? 'unsaved'],
    queryFn: () => station.getPrinterStatus(printerId ? { printerId } : {}),
    enabled: false,
  });
  const data = status.data;
  if (printerId === null) {
    return (
      <div className="printer-check" data-testid="printer-check">
        <span className="hint">Save the settings first, then this printer can be checked.</span>
      </div>
    );
  }
  const unsaved = savedAddress !== undefined && draftAddress.trim() !== savedAddress;
  return (
    <div className="printer-check" data-testid="printer-check">
      <button
        className="button button-secondary"
        type="button"
        onClick={() => void status.refetch()}
        disabled={status.isFetching}
        data-testid="check-printer"
      >
        {status.isFetching ? 'Asking the printer…' : 'Check printer'}
      </button>
      {unsaved && <span className="hint">Checks the saved address ({savedAddress}); save to check the new one.</span>}
      {data && !status.isFetching && (
        <div className={`printer-check-result printer-check-${data.state}`} role="status" data-testid="printer-check-result">
          <strong>{data.state === 'ready' ? `✓ ${printerStatusHeadline(data)}` : printerStatusHeadline(data)}</strong>
          {data.state !== 'ready' && <span className="printer-check-message">{data.message}</span>}
          <span className="hint">
            {data.printer} · checked {checkedAt(status.dataUpdatedAt)}
          </span>
        </div>
      )}
      {status.isError && !status.isFetching && <ProblemBox problem={toProblem(status.error)} />}
    </div>
  );
}
