/** Shared wording for label files the station cannot print. */
import { PrintError } from '../print-error';

export function unknownFormatError(): PrintError {
  return new PrintError(
    'unknown_label_format',
    'The label file is not a PDF, PNG or ZPL label, so it cannot be printed.',
    'Reprint from History to fetch the label again; if it fails again, tell a supervisor.',
  );
}
