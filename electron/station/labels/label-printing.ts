/**
 * Prints a stored label. Used by the scan job and by reprints, so both go through the same cached
 * file (a reprint never needs the provider when the file is on disk) and the same print queue.
 */
import type { PrintOutcome } from '../../../shared/contract';
import { defaultPrinter, findPrinter } from '../../../shared/domain/printers';
import type { PrinterProfile } from '../../../shared/domain/printers';
import type { Settings } from '../../../shared/domain/settings';
import { StationError } from '../../../shared/errors';
import type { LabelHistory, StoredLabel } from '../history';
import type { LabelFiles } from './label-files';
import { sniffLabelFormat, type PrintService } from '../printing';
import type { ProviderFactory } from '../providers';
import { DOWNLOAD_NOTICE_AFTER_MS } from '../../../shared/domain/settings';
import { filePendingError, withDeadline, type LabelDownloads } from './label-downloads';

export interface LabelPrintingDeps {
  history: LabelHistory;
  files: LabelFiles;
  providers: ProviderFactory;
  settings: () => Settings;
  printing: PrintService<StoredLabel>;
  log: (line: string) => void;
  /** Label file downloads in progress (shared by scans, reprints and Print); absent: each waits on its own. */
  downloads?: LabelDownloads;
  /**
   * Who is acting: the signed-in operator's name (and the approving supervisor's), recorded on the
   * purchase, every print attempt and every settlement. '' only for the station's own background work.
   */
  operator: string;
  /**
   * Told when this print has waited DOWNLOAD_NOTICE_AFTER_MS for the file's download (it waits at most
   * `deadlineSeconds` in all): the Scan screen shows it.
   */
  downloading?: (deadlineSeconds: number) => void;
}

/**
 * Makes sure the label's file is at hand: on this station's disk, else in the fleet's database
 * (another station bought it; kept on disk here too for reprints while the database is away), else
 * downloaded from the provider.
 */
export async function ensureLabelFile(deps: LabelPrintingDeps, label: StoredLabel): Promise<{ label: StoredLabel; bytes: Uint8Array }> {
  const onDisk = await readFromDisk(deps, label);
  if (onDisk) return { label, bytes: onDisk };
  const shared = await deps.history.readFile(label.id);
  if (shared) {
    const filePath = await deps.files.save(label.id, shared.format, shared.bytes, new Date(label.createdAt));
    // A row that does not say its file is kept (the station that stored the bytes stopped before it
    // could say so) says it now, so the missing-file pass stops finding it.
    const kept = label.filePath ? label : await deps.history.attachFile(label.id, { format: shared.format, filePath });
    return { label: kept, bytes: shared.bytes };
  }
  if (!label.labelUrl) {
    throw new StationError(
      'label_file_missing',
      `The label for order ${label.orderId} has no file and no download address.`,
      'Tell a supervisor: the label must be downloaded from the provider’s dashboard.',
    );
  }
  if (!deps.downloads) return downloadAndSave(deps, label, label.labelUrl);
  // One download per label, however many wait for it; each waits at most the deadline (issue 13).
  const labelUrl = label.labelUrl;
  const seconds = deps.settings().labelDownload.deadlineSeconds;
  const downloading = deps.downloading;
  const shown = downloading && setTimeout(() => downloading(seconds), DOWNLOAD_NOTICE_AFTER_MS);
  try {
    return await withDeadline(
      deps.downloads.share(label.id, () => downloadAndSave(deps, label, labelUrl)),
      seconds * 1000,
      () => filePendingError(label.orderId, seconds),
    );
  } finally {
    clearTimeout(shown);
  }
}

async function downloadAndSave(
  deps: LabelPrintingDeps,
  label: StoredLabel,
  labelUrl: string,
): Promise<{ label: StoredLabel; bytes: Uint8Array }> {
  const provider = deps.providers.get(label.provider, deps.settings());
  const bytes = await provider.downloadLabel(labelUrl);
  const format = sniffLabelFormat(bytes);
  if (!format) {
    throw new StationError(
      'label_file_unreadable',
      `The label file from ${provider.title} is not a PDF, PNG or ZPL file, so it cannot be printed.`,
      `Tell a supervisor: the label must be downloaded from the ${provider.title} dashboard (a reprint would fetch the same file).`,
    );
  }
  const filePath = await deps.files.save(label.id, format, bytes, new Date(label.createdAt));
  // The bytes are in the shared database (or its outbox) before the row says the file is kept: a
  // station stopped between the two leaves a row the missing-file pass finds and completes.
  await deps.history.saveFile(label.id, format, bytes);
  const withFile = await deps.history.attachFile(label.id, { format, filePath });
  return { label: withFile, bytes };
}

async function readFromDisk(deps: LabelPrintingDeps, label: StoredLabel): Promise<Uint8Array | undefined> {
  const paths = [label.filePath, label.format && deps.files.pathFor(label.id, label.format, new Date(label.createdAt))];
  for (const filePath of new Set(paths.filter((p): p is string => Boolean(p)))) {
    try {
      return await deps.files.read(filePath);
    } catch {
      // not on this station's disk (bought at another station, or the file was removed): look elsewhere
    }
  }
  return undefined;
}

/**
 * The label format to ask the provider for: a carrier's ZPL is made for 203 dpi and prints as is on
 * a 203 dpi ZPL printer; anything else gets PDF, rasterized at the printer's dpi into its language
 * (or passed to an OS queue).
 */
export function labelFileType(settings: Settings): 'zpl' | 'pdf' {
  const printer = defaultPrinter(settings.printers);
  return printer.language === 'zpl' && printer.dpi === 203 ? 'zpl' : 'pdf';
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

/**
 * Prints a stored label (downloading its file first if needed) through the print queue: every box
 * it covers in box order, or only `box` (its index in the shipment) when one box is reprinted.
 */
export async function printStoredLabel(
  deps: LabelPrintingDeps,
  label: StoredLabel,
  options: { reprint: boolean; printerId?: string; box?: number; onQueued?: () => void; reason?: string },
): Promise<{ outcome: PrintOutcome; label: StoredLabel }> {
  const printer = choosePrinter(deps.settings(), options.printerId);
  const pages = labelPages(label, options.box);
  // A download still running for this label: this print waits for it and takes over from whoever
  // gave up waiting earlier (nothing is printed twice when the file arrives).
  deps.downloads?.takeOver(label.id);
  let file: { label: StoredLabel; bytes: Uint8Array };
  try {
    file = await ensureLabelFile(deps, label);
  } catch (error) {
    if (error instanceof StationError && error.code === 'label_file_pending') {
      deps.downloads?.whenArrived(
        label.id,
        async () => void (await printStoredLabel(deps, (await deps.history.get(label.id)) ?? label, options)),
        async (failure) => deps.log(`label ${label.id}: file never arrived for the print: ${(failure as Error).message}`),
      );
    }
    throw error;
  }
  const { label: withFile, bytes } = file;
  return deps.printing.print(withFile, bytes, printer, options.reprint, pages, deps.operator, options.onQueued, options.reason ?? null);
}

/** A label covering several boxes has one page per box, in the order of its boxes. */
function labelPages(label: StoredLabel, box: number | undefined): number[] | undefined {
  if (box === undefined) return label.boxes.length > 1 ? label.boxes.map((_, position) => position + 1) : undefined;
  const position = label.boxes.findIndex((b) => b.index === box);
  if (position === -1) {
    throw new StationError(
      'label_box_missing',
      `The label for order ${label.orderId} does not cover box ${box}.`,
      'Open the order in History: each box shows the label that covers it.',
    );
  }
  return label.boxes.length > 1 ? [position + 1] : undefined;
}
