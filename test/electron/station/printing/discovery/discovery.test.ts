/** Finding printers: lpstat output, USB devices (temp /dev and /sys trees), Windows Get-Printer. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePrinterAddress } from '../../../../../electron/station/printing/transports/address';
import { discoverPrinters } from '../../../../../electron/station/printing/discovery/discovery';
import {
  parseLpstatDevices,
  parseLpstatDestinations,
  withoutCredentials,
} from '../../../../../electron/station/printing/discovery/discovery-cups';
import { discoverUsbPrinters, parseIeee1284Id } from '../../../../../electron/station/printing/discovery/discovery-usb';
import { parseGetPrinterJson } from '../../../../../electron/station/printing/discovery/discovery-windows';
import type { ExecRequest, ExecRunner } from '../../../../../electron/station/printing/transports/transport-exec';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'printing-discovery-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function touch(path: string, content = ''): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

describe('CUPS queues from lpstat', () => {
  it('reads names and device URIs, without any password in a URI', () => {
    const devices = parseLpstatDevices('device for Zebra: socket://10.0.0.5:9100\ndevice for Office: smb://anna:s3cret@fs/HP\n');
    expect([...devices]).toEqual([
      ['Zebra', 'socket://10.0.0.5:9100'],
      ['Office', 'smb://fs/HP'],
    ]);
    expect(withoutCredentials('ipps://user:pw@host/ipp/print')).toBe('ipps://host/ipp/print');
    expect(parseLpstatDestinations('Zebra\nOffice\nOffice/duplex\n\n')).toEqual(['Zebra', 'Office']);
  });

  it('lists queues with their device; no lpstat means no queues, not an error', async () => {
    const calls: ExecRequest[] = [];
    const exec: ExecRunner = async (req) => {
      calls.push(req);
      const stdout = req.args[0] === '-e' ? 'Zebra\n' : 'device for Zebra: usb://Zebra%20Technologies/ZTC%20ZD420\n';
      return { code: 0, stdout, stderr: '', timedOut: false };
    };
    await expect(discoverPrinters({ platform: 'darwin', exec, cupsServer: 'localhost:631' })).resolves.toEqual([
      { address: 'cups:Zebra', name: 'Zebra', kind: 'cups', detail: 'usb://Zebra%20Technologies/ZTC%20ZD420' },
    ]);
    expect(calls.every((c) => c.file === 'lpstat' && c.env?.CUPS_SERVER === 'localhost:631')).toBe(true);

    const missing: ExecRunner = async () => {
      throw Object.assign(new Error('spawn lpstat ENOENT'), { code: 'ENOENT' });
    };
    await expect(discoverPrinters({ platform: 'darwin', exec: missing })).resolves.toEqual([]);
  });
});

describe('USB printer devices', () => {
  it('lists /dev/usb/lp* with the model the printer reported, then parallel ports', async () => {
    const dev = join(dir, 'dev');
    const sys = join(dir, 'sys');
    touch(join(dev, 'usb', 'lp1'));
    touch(join(dev, 'usb', 'lp0'));
    touch(join(dev, 'usb', 'hiddev0'));
    touch(join(dev, 'lp0'));
    touch(
      join(sys, 'class', 'usbmisc', 'lp0', 'device', 'ieee1284_id'),
      'MFG:Zebra Technologies;CMD:ZPL;MDL:ZTC ZD420-203dpi ZPL;CLS:PRINTER;\n',
    );

    const found = await discoverUsbPrinters({ devRoot: dev, sysRoot: sys });
    expect(found).toEqual([
      { address: join(dev, 'usb', 'lp0'), name: 'Zebra Technologies ZTC ZD420-203dpi ZPL', kind: 'device', detail: 'USB, speaks ZPL' },
      { address: join(dev, 'usb', 'lp1'), name: 'USB printer lp1', kind: 'device', detail: 'USB printer' },
      {
        address: join(dev, 'lp0'),
        name: 'Parallel port lp0',
        kind: 'device',
        detail: 'parallel port (a printer may or may not be connected)',
      },
    ]);
    // Every address found is one Settings accepts (on the real /dev).
    for (const p of found) expect(parsePrinterAddress(p.address.replace(dev, '/dev')).kind).toBe('device');
  });

  it('reads long IEEE 1284 keys too', () => {
    expect(parseIeee1284Id('MANUFACTURER:TSC;MODEL:TE200;COMMAND SET:TSPL2;')).toEqual({ MFG: 'TSC', MDL: 'TE200', CMD: 'TSPL2' });
  });

  it('finds nothing when there is no /dev/usb', async () => {
    await expect(discoverUsbPrinters({ devRoot: join(dir, 'none'), sysRoot: join(dir, 'none') })).resolves.toEqual([]);
  });
});

describe('Windows printers from Get-Printer', () => {
  it('reads one printer (an object) or several (an array), skipping rows without a name', () => {
    expect(
      parseGetPrinterJson(
        '{"Name":"ZDesigner ZD420-203dpi ZPL","DriverName":"ZDesigner ZD420-203dpi ZPL","PortName":"USB001","Shared":false}',
      ),
    ).toEqual([
      {
        address: 'windows:ZDesigner ZD420-203dpi ZPL',
        name: 'ZDesigner ZD420-203dpi ZPL',
        kind: 'windows',
        detail: 'ZDesigner ZD420-203dpi ZPL on USB001',
      },
    ]);
    expect(parseGetPrinterJson('[{"Name":"A","DriverName":null,"PortName":null},{"DriverName":"x"}]')).toEqual([
      { address: 'windows:A', name: 'A', kind: 'windows' },
    ]);
    expect(parseGetPrinterJson('')).toEqual([]);
    expect(parseGetPrinterJson('not json')).toEqual([]);
  });

  it('runs Get-Printer through PowerShell on Windows only', async () => {
    const calls: ExecRequest[] = [];
    const exec: ExecRunner = async (req) => {
      calls.push(req);
      return { code: 0, stdout: '[{"Name":"Zebra","DriverName":"ZDesigner","PortName":"USB001"}]', stderr: '', timedOut: false };
    };
    const found = await discoverPrinters({ platform: 'win32', exec });
    expect(found).toEqual([{ address: 'windows:Zebra', name: 'Zebra', kind: 'windows', detail: 'ZDesigner on USB001' }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.file).toBe('powershell.exe');
    const script = Buffer.from(calls[0]!.args[calls[0]!.args.indexOf('-EncodedCommand') + 1]!, 'base64').toString('utf16le');
    expect(script).toMatch(/Get-Printer \| Select-Object Name, DriverName, PortName/);
    expect(script).toMatch(/ConvertTo-Json/);
  });
});
