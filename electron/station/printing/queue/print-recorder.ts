/**
 * What the print queue tells whoever watches the station's health: each label a printer finished,
 * and each change of a printer's state (ready, retrying after a transport failure, holding labels
 * after a fault). Owned by the printing room, wired by core; the printer is named by its address.
 */
import type { PrinterQueueState } from './queue-types';

export interface PrintRecorder {
  jobDone(printer: string): void;
  printerState(printer: string, state: PrinterQueueState): void;
}
