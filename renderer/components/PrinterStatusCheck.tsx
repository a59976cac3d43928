import { useQuery } from '@tanstack/react-query';
import { station } from '../station';
import { keys } from '../queries';
import { toProblem } from '../problem';
import { checkedAt, printerStatusHeadline } from '../printer-status-text';
import { ProblemBox } from './ProblemBox';

/** "Check printer" in Settings: asks the saved printer how it is (the same answer the Scan screen shows). */
export function PrinterStatusCheck({ savedAddress, draftAddress }: { savedAddress: string; draftAddress: string }) {
  // Not fetched on its own: the button asks; a recent answer from the Scan screen is shown until then.
  const status = useQuery({ queryKey: keys.printerStatus, queryFn: () => station.getPrinterStatus({}), enabled: false });
  const data = status.data;
  const unsaved = draftAddress.trim() !== savedAddress;
  return (
    <div className="printer-check" data-testid="printer-check">
      <button className="button button-secondary" type="button" onClick={() => void status.refetch()} disabled={status.isFetching} data-testid="check-printer">
        {status.isFetching ? 'Asking the printer…' : 'Check printer'}
      </button>
      {unsaved && <span className="hint">Checks the saved printer ({savedAddress}); save to check the new address.</span>}
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
