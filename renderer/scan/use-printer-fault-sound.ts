/**
 * A printer that goes offline or into a fault is heard as well as seen: one warning sound when the
 * status answer or the print queue first shows a problem, none while it lasts, again after it was fixed.
 */
import { useEffect, useRef } from 'react';
import type { PrinterQueueView } from '../../shared/domain/print-queue';
import type { PrinterStatusResult } from '../ui/printer-status-text';
import { sounds } from '../ui/sounds';

export function usePrinterFaultSound(status: PrinterStatusResult | undefined, queuePrinters: PrinterQueueView[]): void {
  const faulty = status?.state === 'fault' || queuePrinters.some((p) => p.state !== 'ok');
  const before = useRef(faulty);
  useEffect(() => {
    if (faulty && !before.current) sounds.printerDown();
    before.current = faulty;
  }, [faulty]);
}
