import { describe, expect, it } from 'vitest';
import { describePrinter, formatPrinterAddress, parsePrinterAddress } from '../../../../../electron/station/printing/transports/address';
import { PrintError } from '../../../../../electron/station/printing/print-error';

function rejection(address: string): PrintError {
  try {
    parsePrinterAddress(address);
  } catch (error) {
    expect(error).toBeInstanceOf(PrintError);
    return error as PrintError;
  }
  throw new Error(`"${address}" was accepted`);
}

describe('OS queue printer addresses', () => {
  it('reads cups:QUEUE and windows:PRINTER NAME', () => {
    expect(parsePrinterAddress('cups:Zebra_ZD420')).toEqual({ kind: 'cups', queue: 'Zebra_ZD420' });
    expect(parsePrinterAddress(' CUPS:label-printer ')).toEqual({ kind: 'cups', queue: 'label-printer' });
    expect(parsePrinterAddress('windows:ZDesigner ZD420-203dpi ZPL')).toEqual({ kind: 'windows', printer: 'ZDesigner ZD420-203dpi ZPL' });
    expect(parsePrinterAddress('windows:\\\\printserver\\Packing 3')).toEqual({ kind: 'windows', printer: '\\\\printserver\\Packing 3' });
  });

  it('still reads tcp:// addresses and device paths', () => {
    expect(parsePrinterAddress('tcp://10.0.0.7')).toEqual({ kind: 'tcp', host: '10.0.0.7', port: 9100 });
    expect(parsePrinterAddress('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parsePrinterAddress('\\\\.\\USB001')).toEqual({ kind: 'device', path: '\\\\.\\USB001' });
  });

  it('says what is wrong with a queue name a worker mistyped', () => {
    expect(rejection('cups:').message).toMatch(/queue name is missing/);
    expect(rejection('cups:Zebra ZD420').message).toMatch(/no spaces/);
    expect(rejection('cups:-o').message).toMatch(/cannot start with "-"/);
    expect(rejection('windows:').message).toMatch(/printer name is missing/);
    expect(rejection('windows:Zebra, packing').message).toMatch(/no "!" or ","/);
    expect(rejection('ipp://printer.local/ipp/print').message).toMatch(/must start with tcp:\/\/, cups:, windows:/);
    for (const bad of ['cups:', 'windows:', 'lpr:x']) {
      const error = rejection(bad);
      expect(error.code).toBe('invalid_printer_address');
      expect(error.nextStep).toMatch(/Settings.*cups:.*windows:/);
    }
  });

  it('names the printer the way the worker knows it, and writes the address back', () => {
    expect(describePrinter(parsePrinterAddress('cups:Zebra'))).toBe('CUPS queue "Zebra"');
    expect(describePrinter(parsePrinterAddress('windows:ZDesigner ZD420'))).toBe('Windows printer "ZDesigner ZD420"');
    for (const address of ['cups:Zebra', 'windows:ZDesigner ZD420', 'tcp://10.0.0.7:9100', 'tcp://[fe80::1]:9101', '/dev/usb/lp0']) {
      expect(formatPrinterAddress(parsePrinterAddress(address))).toBe(address);
    }
  });
});
