import { usePrinterStatus } from '../queries';
import { checkedAt, printerStatusHeadline } from '../printer-status-text';

/**
 * The Scan screen's printer line, asked every 15 s: a quiet "Printer ready", or a red banner when the
 * printer reports a fault. Nothing in it can take the focus: the scan field keeps it.
 * Printers that cannot be asked (and a failed call, which the connection banner covers) show nothing.
 */
export function PrinterStatusBar() {
  const status = usePrinterStatus({ poll: true });
  const data = status.data;
  if (!data || data.state === 'unsupported') return null;
  if (data.state === 'ready') {
    return (
      <div className="printer-ready" data-testid="printer-ready" title={data.message}>
        <span className="printer-dot" aria-hidden="true" /> Printer ready
      </div>
    );
  }
  return (
    <div className="printer-fault" role="alert" data-testid="printer-fault">
      <div className="printer-fault-head">
        <span className="printer-fault-title">{printerStatusHeadline(data)}</span>
        <span className="printer-fault-when">checked {checkedAt(status.dataUpdatedAt)}</span>
      </div>
      <p className="printer-fault-message">{data.message}</p>
      <p className="printer-fault-next">Labels bought now are saved but will not print: fix the printer first, or reprint them from History.</p>
    </div>
  );
}
