/** Shared wording for label files the station cannot print. */
import { PrintError } from '../print-error';

export function unknownFormatError(): PrintError {
  return new PrintError(
    'unknown_label_format',
    'The label file is not a PDF, PNG or ZPL label, so it cannot be printed.',
    'Reprint from History to fetch the label again; if it fails again, tell a supervisor.',
  );
}

/** A split shipment's label has one page (or one ZPL label) per box: this one is not in the file. */
export function missingPageError(box: number, pages: number): PrintError {
  return new PrintError(
    'label_box_missing',
    `The label file holds ${pages} label${pages === 1 ? '' : 's'}, so box ${box} is not in it.`,
    'Print the whole shipment from History; if a box has no label, tell a supervisor.',
  );
}
