/** A printer's state in a few words for the Scan screen's banner and Settings. Pure. */
import type { MethodOutput } from '../../shared/contract';

export type PrinterStatusResult = MethodOutput<'getPrinterStatus'>;

/** The station's fault codes (electron/station/printing/status/status-types.ts), most urgent first. */
const FAULT_HEADLINES: Array<[string, string]> = [
  ['no_answer', 'Printer did not answer'],
  ['unreachable', 'Printer cannot be reached'],
  ['head_open', 'Printer head is open'],
  ['cover_open', 'Printer cover is open'],
  ['paper_out', 'Printer out of paper'],
  ['ribbon_out', 'Printer ribbon has run out'],
  ['cutter_error', 'Printer cutter is jammed'],
  ['head_too_hot', 'Printer head is too hot'],
  ['head_too_cold', 'Printer head is too cold'],
  ['offline', 'Printer is offline'],
  ['paused', 'Printer is paused'],
  ['buffer_full', 'Printer memory is full'],
  ['bad_answer', 'Printer gave an answer the station does not understand'],
];

export function printerStatusHeadline(status: PrinterStatusResult): string {
  if (status.state === 'ready') return 'Printer ready';
  if (status.state === 'unsupported') return 'Printer status cannot be checked';
  return FAULT_HEADLINES.find(([code]) => status.faults.includes(code))?.[1] ?? 'Printer problem';
}

export function checkedAt(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
