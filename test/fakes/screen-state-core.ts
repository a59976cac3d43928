/**
 * The one screen state the e2e specs cannot bring the real station core into: USB printer devices in
 * Settings' "Find printers" list (and a computer with none of them).
 *
 * Why: the real core's discoverPrinters (electron/station/printing/discovery) lists CUPS queues, which
 * the specs do produce for real with a private CUPS scheduler (CUPS_SERVER, see startPrivateCups in
 * test/support/e2e-station.ts), and USB devices read from this machine's /dev/usb/lp* and /sys. Its
 * devRoot/sysRoot can be pointed elsewhere only by unit tests calling discoverPrinters directly: the
 * core calls it without options. So which USB printers the real core reports depends on the machine
 * running the tests (none on a CI box, a real one on a packing-station PC).
 *
 * This wraps a REAL core and changes nothing but that: discoverPrinters answers with the real core's
 * own result (the private CUPS queues), its USB devices (whatever this machine has) replaced by the
 * ones given. Every other call goes to the real core untouched.
 */
import type { MethodOutput } from '../../shared/contract';
import type { StationCore } from '../../electron/station';

export type DiscoveredPrinter = MethodOutput<'discoverPrinters'>[number];

/** A USB label printer as discovery reports it on Linux (/dev/usb/lp0 with an IEEE 1284 id). */
export const USB_LABEL_PRINTER: DiscoveredPrinter = {
  address: '/dev/usb/lp0',
  name: 'TSC TE210',
  kind: 'device',
  detail: 'USB, speaks TSPL2',
};

export function withUsbPrinters(core: StationCore, usbPrinters: DiscoveredPrinter[]): StationCore {
  return {
    ...core,
    handlers: {
      ...core.handlers,
      discoverPrinters: async (input) => [
        ...(await core.handlers.discoverPrinters(input)).filter((printer) => printer.kind !== 'device'),
        ...usbPrinters,
      ],
    },
  };
}
