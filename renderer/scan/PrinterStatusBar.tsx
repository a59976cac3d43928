import { usePrinterStatus } from '../api/queries';
import { checkedAt, printerStatusHeadline, type PrinterStatusResult } from '../ui/printer-status-text';

/**
 * The Scan screen’s printer line, asked every 2 s: a quiet "Printer ready", or a red banner when the
 * printer reports a fault. Nothing in it can take the focus: the scan field keeps it.
 * Printers that cannot be asked (and a failed call, which the connection banner covers) show nothing;
 * so does a printer the print queue panel already shows (`shownElsewhere`), so a fault is said once.
 */
export function PrinterStatusBar({ shownElsewhere }: { shownElsewhere?: (status: PrinterStatusResult) => boolean }) {
  const status = usePrinterStatus({ poll: true });
  const data = status.data;
  if (!data || data.state === 'unsupported' || shownElsewhere?.(data)) return null;
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
      <p className="printer-fault-next">
        Scanning still works: labels bought now are saved, wait for the printer and print by themselves once it is fixed.
      </p>
    </div>
  );
}
