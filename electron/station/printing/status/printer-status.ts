/** Asks the configured printer how it is, where its language and connection allow it. */
import type { MethodOutput } from '../../../../shared/contract';
import type { PrinterSettings } from '../../../../shared/domain/printers';
import { parsePrinterAddress } from '../transports/address';
import { queryEscPosStatus } from './status-escpos';
import type { PrinterStatus } from './status-types';
import { queryZebraStatus } from './status-zebra';

export async function printerStatus(printer: PrinterSettings): Promise<Omit<MethodOutput<'getPrinterStatus'>, 'printerId'>> {
  const unsupported = (why: string) => ({ printer: printer.address, state: 'unsupported' as const, faults: [], message: why });
  let kind: string;
  try {
    kind = parsePrinterAddress(printer.address).kind;
  } catch {
    return unsupported('The printer address is not valid.');
  }
  if (kind !== 'tcp') return unsupported('Status can be asked only of network printers (tcp://); check the printer’s own lights.');
  let status: PrinterStatus;
  if (printer.language === 'zpl') status = await queryZebraStatus(printer.address);
  else if (printer.language === 'escpos') status = await queryEscPosStatus(printer.address);
  else return unsupported(`A ${printer.language.toUpperCase()} printer cannot be asked for its status; check its own lights.`);
  return { printer: printer.address, state: status.ok ? 'ready' : 'fault', faults: status.faults, message: status.message };
}
