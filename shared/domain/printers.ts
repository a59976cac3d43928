/** Picking a printer out of the station's printer list. Pure, shared by the core and the renderer. */
import type { PrinterProfile, PrinterSetup } from '../schemas';

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
