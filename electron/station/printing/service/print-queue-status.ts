/** The print queue's question "is this printer ready?", answered from the printer's own settings. */
import { printerAtAddress } from '../../../../shared/domain/printers';
import type { Settings } from '../../../../shared/domain/settings';
import type { PrinterStatusReport } from '../queue';
import { printerStatus } from '../status/printer-status';

const READY: PrinterStatusReport = { ok: true, faults: [], message: 'The printer took the label.' };

/**
 * A printer that cannot be asked (device file, OS queue, EPL/TSPL/PDF) or whose status check is
 * switched off counts as ready once it took every byte; one that can be asked must answer "ready".
 */
export async function queueStatusCheck(settings: Settings, address: string): Promise<PrinterStatusReport> {
  const printer = printerAtAddress(settings.printers, address);
  if (!printer || !printer.statusCheck) return READY;
  const status = await printerStatus(printer);
  if (status.state === 'unsupported') return READY;
  return { ok: status.state === 'ready', faults: status.faults, message: status.message };
}
