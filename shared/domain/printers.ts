/** Picking a printer out of the station's printer list. Pure, shared by the core and the renderer. */
import { z } from 'zod';

export const Dpi = z.union([z.literal(203), z.literal(300), z.literal(600)]);
export type Dpi = z.infer<typeof Dpi>;

/**
 * Printer devices a path may name (issue 13: never an ordinary file): USB and parallel printers,
 * USB-serial and CDC serial ports, Windows device names (\\.\USB001, \\.\COM3) and shared
 * printers (\\server\printer).
 */
export function isPrinterDevicePath(s: string): boolean {
  return (
    /^\/dev\/(usb\/lp|lp|ttyUSB|ttyACM)\d{1,3}$/.test(s) ||
    /^\\\\\.\\(USB|COM|LPT)\d{1,3}$/i.test(s) ||
    /^\\\\[A-Za-z0-9][A-Za-z0-9._-]*\\[^\\/:*?"<>|\u0000-\u001f]+$/.test(s)
  );
}

/**
 * `file:/absolute/path`: a capture file for tests and debugging, a printer kind of its own. The
 * station writes to it only where LABEL_STATION_FILE_PRINTER=1 is set, and never for a test print
 * of an unsaved (draft) printer.
 */
export function isFilePrinterAddress(s: string): boolean {
  return /^file:(\/[^\u0000-\u001f]+|[A-Za-z]:\\[^\u0000-\u001f]+)$/.test(s);
}

/**
 * A printer address: `tcp://host[:port]` (port 9100 when omitted), a printer device such as
 * `/dev/usb/lp0`, an OS queue `cups:QUEUE` (Linux/macOS) or `windows:PRINTER NAME`, or (tests)
 * `file:/path`.
 */
export const PrinterAddress = z
  .string()
  .trim()
  .min(1, 'Enter the printer address, e.g. tcp://192.168.1.50:9100, /dev/usb/lp0 or cups:Zebra')
  .max(300)
  .refine(
    (s) =>
      /^tcp:\/\/[A-Za-z0-9.\-[\]:]+(:\d{1,5})?\/?$/.test(s) ||
      isPrinterDevicePath(s) ||
      isFilePrinterAddress(s) ||
      /^cups:[A-Za-z0-9_.\-@]{1,127}$/.test(s) ||
      /^windows:[^\u0000-\u001f]{1,200}$/.test(s),
    { message: 'Printer address must look like tcp://192.168.1.50:9100, /dev/usb/lp0, cups:QUEUE or windows:PRINTER NAME' },
  );

/** What the printer understands: label languages for thermal printers, or PDF for an OS queue (laser/A4). */
export const PrinterLanguage = z.enum(['zpl', 'epl', 'tspl', 'escpos', 'pdf']);
export type PrinterLanguage = z.infer<typeof PrinterLanguage>;

export const MediaSize = z.enum(['4x6', '4x8', 'a6', '100x150mm']);
export type MediaSize = z.infer<typeof MediaSize>;

export const PrinterSettings = z.object({
  address: PrinterAddress,
  dpi: Dpi,
  language: PrinterLanguage,
  media: MediaSize,
  /**
   * Ask the printer after each label whether it is ready (Zebra ~HS, ESC/POS status; network
   * printers only): a label counts as printed only then. Off for a printer that never answers.
   */
  statusCheck: z.boolean().default(true),
});
export type PrinterSettings = z.infer<typeof PrinterSettings>;

export const PrinterId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A printer ID is 1 to 40 lower-case letters, digits and dashes');
export type PrinterId = z.infer<typeof PrinterId>;

/** One printer of the station: a label printer, an A4 laser queue, a spare... */
export const PrinterProfile = PrinterSettings.extend({
  id: PrinterId,
  name: z.string().trim().min(1, 'Give the printer a name, e.g. "Packing 1 labels"').max(60, 'Keep the printer name under 60 characters'),
});
export type PrinterProfile = z.infer<typeof PrinterProfile>;

export const MAX_PRINTERS = 8;

/** The station's printers; scans print on the default one, reprints and test prints may pick another. */
export const PrinterSetup = z
  .object({
    defaultId: PrinterId,
    list: z
      .array(PrinterProfile)
      .min(1, 'Keep at least one printer')
      .max(MAX_PRINTERS, `A station can have up to ${MAX_PRINTERS} printers`),
  })
  .superRefine((setup, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    setup.list.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['list', i, 'id'], message: `Two printers have the ID "${p.id}"` });
      const name = p.name.toLowerCase();
      if (names.has(name))
        ctx.addIssue({ code: 'custom', path: ['list', i, 'name'], message: `Two printers are called "${p.name}": give each its own name` });
      ids.add(p.id);
      names.add(name);
    });
    if (!ids.has(setup.defaultId)) ctx.addIssue({ code: 'custom', path: ['defaultId'], message: 'Choose which printer is the default' });
  });
export type PrinterSetup = z.infer<typeof PrinterSetup>;

export function defaultPrinter(setup: PrinterSetup): PrinterProfile {
  // PrinterSetup's validation guarantees the default is in the list; the fallback keeps types honest.
  return setup.list.find((p) => p.id === setup.defaultId) ?? setup.list[0]!;
}

export function findPrinter(setup: PrinterSetup, id: string): PrinterProfile | undefined {
  return setup.list.find((p) => p.id === id);
}

/** The printer with this address (the default first when several share it). */
export function printerAtAddress(setup: PrinterSetup, address: string): PrinterProfile | undefined {
  const def = defaultPrinter(setup);
  return def.address === address ? def : setup.list.find((p) => p.address === address);
}
