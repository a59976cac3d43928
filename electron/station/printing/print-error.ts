/** A printing failure worded for a packer: what went wrong and what to do next. */
import { StationError } from '../../../shared/errors';

export type PrintErrorCode =
  | 'unknown_label_format'
  | 'label_unreadable'
  | 'preview_unavailable'
  | 'label_box_missing'
  | 'invalid_printer_address'
  | 'printer_refused'
  | 'printer_timeout'
  | 'printer_unreachable'
  | 'printer_disconnected'
  | 'printer_not_found'
  | 'printer_permission'
  | 'printer_io_error'
  | 'zpl_wrong_dpi'
  | 'zpl_needs_zpl_printer';

export class PrintError extends StationError {
  constructor(
    override readonly code: PrintErrorCode,
    message: string,
    nextStep: string,
  ) {
    super(code, message, nextStep);
    this.name = 'PrintError';
  }
}
