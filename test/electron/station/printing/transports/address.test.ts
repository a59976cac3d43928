import { describe, expect, it } from 'vitest';
import { PrintError, parsePrinterAddress } from '../../../../../electron/station/printing/index';

describe('parsePrinterAddress', () => {
  it('reads tcp addresses, with 9100 as the default raw port', () => {
    expect(parsePrinterAddress('tcp://192.168.1.50')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
    expect(parsePrinterAddress('tcp://192.168.1.50:6101')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 6101 });
    expect(parsePrinterAddress(' tcp://zebra-packing-3.local:9100/ ')).toEqual({ kind: 'tcp', host: 'zebra-packing-3.local', port: 9100 });
    expect(parsePrinterAddress('tcp://[fe80::1]:9101')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9101 });
  });

  it('reads printer devices as devices, and a capture file only in its own file: form', () => {
    for (const device of ['/dev/usb/lp0', '/dev/lp1', '/dev/ttyUSB0', '/dev/ttyACM12', '\\\\.\\USB001', '\\\\printserver\\Zebra ZD420']) {
      expect(parsePrinterAddress(device)).toEqual({ kind: 'device', path: device });
    }
    expect(parsePrinterAddress('file:/tmp/capture.zpl')).toEqual({ kind: 'file', path: '/tmp/capture.zpl' });
    for (const notAPrinter of [
      '/tmp/capture.zpl',
      '/etc/passwd',
      '/dev/sda',
      '/dev/usb/lp0/../../sda',
      'C:\\labels\\out.zpl',
      '\\\\.\\PhysicalDrive0',
    ]) {
      expect(() => parsePrinterAddress(notAPrinter), notAPrinter).toThrow(/not a printer device/);
    }
  });

  it('rejects addresses a worker could mistype, with a message saying how to fix them', () => {
    for (const bad of ['', '192.168.1.50', 'http://192.168.1.50', 'tcp://', 'tcp://host:70000', 'tcp://host:0', 'lp0', 'tcp://a b']) {
      let caught: unknown;
      try {
        parsePrinterAddress(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught, bad).toBeInstanceOf(PrintError);
      expect((caught as PrintError).code).toBe('invalid_printer_address');
      expect((caught as PrintError).nextStep).toMatch(/Settings/);
    }
  });
});
