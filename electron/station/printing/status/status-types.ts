/** What the station knows about a printer's health, worded for a worker. */

export type PrinterFault =
  | 'paper_out'
  | 'paused'
  | 'head_open'
  | 'cover_open'
  | 'ribbon_out'
  | 'buffer_full'
  | 'head_too_hot'
  | 'head_too_cold'
  | 'settings_lost'
  | 'cutter_error'
  | 'offline'
  | 'printer_error'
  | 'no_answer'
  | 'unreachable'
  | 'bad_answer';

export type PrinterWarning = 'paper_near_end';

export interface PrinterStatus {
  /** True only when the printer answered and reported no fault. */
  ok: boolean;
  faults: PrinterFault[];
  warnings: PrinterWarning[];
  /** One or two sentences for the worker: what is wrong and what to do. */
  message: string;
  /** Zebra only: work still inside the printer (formats in the buffer, labels left in the batch). */
  pending?: { formats: number; labels: number };
}

const FAULT_WORDING: Record<Exclude<PrinterFault, 'no_answer' | 'unreachable' | 'bad_answer'>, string> = {
  paper_out: 'The printer is out of labels: load a new roll and close the head.',
  head_open: 'The print head is open: close it firmly until it clicks.',
  cover_open: 'The printer cover is open: close it.',
  ribbon_out: 'The ribbon has run out: load a new ribbon.',
  paused: 'The printer is paused: press the Pause button on the printer to resume.',
  buffer_full: 'The printer memory is full: wait for it to finish printing.',
  head_too_hot: 'The print head is too hot: let the printer cool down for a few minutes.',
  head_too_cold: 'The print head is too cold: wait for the printer to warm up.',
  settings_lost: 'The printer lost its settings: ask IT to check the printer configuration.',
  cutter_error: 'The cutter is jammed: clear it, close the printer and switch it off and on.',
  offline: 'The printer is offline: check for an error light and switch it off and on if needed.',
  printer_error: 'The printer reports an error: check its display or error light, then switch it off and on.',
};

const ORDER: PrinterFault[] = [
  'head_open',
  'cover_open',
  'paper_out',
  'ribbon_out',
  'cutter_error',
  'head_too_hot',
  'head_too_cold',
  'printer_error',
  'settings_lost',
  'offline',
  'paused',
  'buffer_full',
];

/** Builds a status from the faults a printer reported (most urgent first in the message). */
export function statusFromFaults(
  faults: PrinterFault[],
  warnings: PrinterWarning[] = [],
  pending?: PrinterStatus['pending'],
): PrinterStatus {
  const unique = ORDER.filter((f) => faults.includes(f));
  const base = pending ? { pending } : {};
  if (unique.length === 0) {
    const message = warnings.includes('paper_near_end')
      ? 'The printer is ready. The label roll is nearly used up: have a new one at hand.'
      : 'The printer is ready.';
    return { ok: true, faults: [], warnings, message, ...base };
  }
  const message = unique.map((f) => FAULT_WORDING[f as keyof typeof FAULT_WORDING]).join(' ');
  return { ok: false, faults: unique, warnings, message, ...base };
}

/** A printer that said nothing within the wait. */
export function noAnswerStatus(where: string, wait: string, silentWhen: string): PrinterStatus {
  return {
    ok: false,
    faults: ['no_answer'],
    warnings: [],
    message: `The printer at ${where} did not answer within ${wait}. ${silentWhen}`,
  };
}

export function unreachableStatus(message: string, nextStep: string): PrinterStatus {
  return { ok: false, faults: ['unreachable'], warnings: [], message: `${message} ${nextStep}` };
}

export function badAnswerStatus(where: string): PrinterStatus {
  return {
    ok: false,
    faults: ['bad_answer'],
    warnings: [],
    message: `The printer at ${where} answered in a way the station does not understand. Check that the printer language in Settings matches the printer.`,
  };
}
