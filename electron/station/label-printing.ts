/**
 * Prints a stored label and records the attempt. Used by the scan job and by reprints, so both go
 * through the same cached file: a reprint never needs the provider when the file is on disk.
 */
import type { PrintOutcome } from '../../shared/contract';
import type { Settings } from '../../shared/schemas';
import { StationError } from '../../shared/rpc';
import type { HistoryStore, StoredLabel } from './history/history-store';
import type { LabelFiles } from './history/label-files';
import { renderForPrinter, sendToPrinter, sniffLabelFormat } from './printing';
import type { ProviderFactory } from './provider-factory';

export interface LabelPrintingDeps {
  history: HistoryStore;
  files: LabelFiles;
  providers: ProviderFactory;
  settings: () => Settings;
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
  return { label: deps.history.attachFile(label.id, { format, filePath }), bytes };
}

export async function printStoredLabel(
  deps: LabelPrintingDeps,
  label: StoredLabel,
  options: { reprint: boolean },
): Promise<{ outcome: PrintOutcome; label: StoredLabel }> {
  const { address, dpi, language, media } = deps.settings().printer;
  const { label: withFile, bytes } = await ensureLabelFile(deps, label);
  let sent = 0;
  try {
    const { payload } = await renderForPrinter(bytes, { dpi, language, media });
    sent = (await sendToPrinter(address, payload)).bytes;
  } catch (error) {
    const problem =
      error instanceof StationError
        ? error.toProblem()
        : { code: 'print_error', message: 'The label could not be sent to the printer.', nextStep: 'Check the printer and press Reprint.' };
    deps.history.recordPrintAttempt({ labelId: label.id, printer: address, ok: false, reprint: options.reprint, bytes: sent, error: problem.message });
    const updated = withFile.status === 'printed' ? withFile : deps.history.setStatus(label.id, 'print_failed', problem.message);
    return { outcome: { ok: false, printer: address, bytes: sent, problem }, label: updated };
  }
  deps.history.recordPrintAttempt({ labelId: label.id, printer: address, ok: true, reprint: options.reprint, bytes: sent, error: null });
  return { outcome: { ok: true, printer: address, bytes: sent }, label: deps.history.setStatus(label.id, 'printed') };
}
