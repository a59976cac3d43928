/**
 * Prints a stored label. Used by the scan job and by reprints, so both go through the same cached
 * file (a reprint never needs the provider when the file is on disk) and the same print queue.
 */
import type { PrintOutcome } from '../../../shared/contract';
import { defaultPrinter, findPrinter } from '../../../shared/domain/printers';
import type { PrinterProfile } from '../../../shared/domain/printers';
import type { Settings } from '../../../shared/domain/settings';
import { StationError } from '../../../shared/errors';
import type { HistoryStore, StoredLabel } from '../history';
import type { LabelFiles } from './label-files';
import { sniffLabelFormat, type PrintService } from '../printing';
import type { ProviderFactory } from '../providers';

export interface LabelPrintingDeps {
  history: HistoryStore;
  files: LabelFiles;
  providers: ProviderFactory;
  settings: () => Settings;
  printing: PrintService<StoredLabel>;
  log: (line: string) => void;
}

/** Makes sure the label's file is on disk, downloading it from the provider when it is not. */
export async function ensureLabelFile(deps: LabelPrintingDeps, label: StoredLabel): Promise<{ label: StoredLabel; bytes: Uint8Array }> {
  if (label.filePath) {
    try {
      return { label, bytes: await deps.files.read(label.filePath) };
    } catch (error) {
      deps.log(`label ${label.id}: cached file unreadable (${(error as Error).message}); downloading again`);
    }
  }
  if (!label.labelUrl) {
    throw new StationError(
      'label_file_missing',
      `The label for order ${label.orderId} has no file and no download address.`,
      'Tell a supervisor: the label must be downloaded from the provider’s dashboard.',
    );
  }
  const provider = deps.providers.get(label.provider, deps.settings());
  const bytes = await provider.downloadLabel(label.labelUrl);
  const format = sniffLabelFormat(bytes);
  if (!format) {
    throw new StationError(
      'label_file_unreadable',
      `The label file from ${provider.title} is not a PDF, PNG or ZPL file.`,
      'Try the reprint again; if it repeats, tell a supervisor.',
    );
  }
  const filePath = await deps.files.save(label.id, format, bytes, new Date(label.createdAt));
  return { label: await deps.history.attachFile(label.id, { format, filePath }), bytes };
}

/** The printer a print goes to: the one asked for, else the station's default. */
export function choosePrinter(settings: Settings, printerId: string | undefined): PrinterProfile {
  if (printerId === undefined) return defaultPrinter(settings.printers);
  const printer = findPrinter(settings.printers, printerId);
  if (!printer) {
    throw new StationError(
      'printer_not_found',
      'That printer is no longer in this station’s Settings.',
      'Pick another printer, or add it again in Settings.',
    );
  }
  return printer;
}

/** Prints a stored label (downloading its file first if needed) through the print queue. */
export async function printStoredLabel(
  deps: LabelPrintingDeps,
  label: StoredLabel,
  options: { reprint: boolean; printerId?: string },
): Promise<{ outcome: PrintOutcome; label: StoredLabel }> {
  const printer = choosePrinter(deps.settings(), options.printerId);
  const { label: withFile, bytes } = await ensureLabelFile(deps, label);
  return deps.printing.print(withFile, bytes, printer, options.reprint);
}
