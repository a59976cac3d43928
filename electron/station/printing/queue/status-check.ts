/** Asks the injected status function once, bounded in time; any failure to answer is a fault. */
import { formatWait } from '../timeout-wording';
import { PrinterStatusReportSchema, type PrinterStatusReport, type StatusFn } from './queue-types';

export async function checkPrinterStatus(status: StatusFn, printer: string, timeoutMs: number): Promise<PrinterStatusReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PrinterStatusReport>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          faults: ['no_answer'],
          message: `The printer did not answer the status check within ${formatWait(timeoutMs)}.`,
        }),
      timeoutMs,
    );
  });
  try {
    const answer = await Promise.race([status(printer), timeout]);
    const parsed = PrinterStatusReportSchema.safeParse(answer);
    if (!parsed.success) return { ok: false, faults: ['unreadable_status'], message: 'The printer’s status answer could not be read.' };
    return parsed.data;
  } catch {
    return { ok: false, faults: ['no_answer'], message: 'The printer did not answer the status check.' };
  } finally {
    clearTimeout(timer);
  }
}

/** The hold reason stored on the job: the status message, else the fault names. */
export function holdReason(report: PrinterStatusReport): string {
  const message = report.message.trim();
  if (message) return message;
  return report.faults.length ? `The printer reports: ${report.faults.join(', ')}.` : 'The printer reports a fault.';
}
