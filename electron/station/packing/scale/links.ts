/**
 * The scale's device links: a serial port (serialport, polled with the protocol's request) or a USB
 * HID scale (node-hid, which sends reports by itself). Both libraries are native: they are loaded
 * only when a scale is configured, so a station without one (and the tests) never loads them.
 */
import type { ScaleDevice } from '../../../../shared/domain/scale';
import { parseHidScaleReport, HID_SCALE_USAGE_PAGE } from './hid-report';
import { MT_SICS_DELIMITER, MT_SICS_REQUEST, parseMtSicsLine } from './mt-sics';
import { NCI_DELIMITER, NCI_REQUEST, parseNciFrame } from './nci';
import type { ScaleSample } from './sample';

export interface LinkHandlers {
  sample(sample: ScaleSample): void;
  /** An open serial scale did not answer a request in time. */
  silent(): void;
  /** The device went away (unplugged, closed by the OS). */
  closed(error?: Error): void;
}

export interface ScaleLink {
  close(): Promise<void>;
}

export interface LinkTiming {
  /** How often a serial scale is asked for its weight. */
  pollMs: number;
  /** A request without an answer after this long: the scale is silent. */
  answerTimeoutMs: number;
}

export type OpenLink = (device: Exclude<ScaleDevice, { kind: 'none' }>, on: LinkHandlers, timing: LinkTiming) => Promise<ScaleLink>;

export const openLink: OpenLink = (device, on, timing) =>
  device.kind === 'serial' ? openSerialLink(device, on, timing) : openHidLink(device, on);

const PROTOCOLS = {
  'mt-sics': { request: MT_SICS_REQUEST, delimiter: MT_SICS_DELIMITER, parse: parseMtSicsLine },
  nci: { request: NCI_REQUEST, delimiter: NCI_DELIMITER, parse: parseNciFrame },
} as const;

async function openSerialLink(device: Extract<ScaleDevice, { kind: 'serial' }>, on: LinkHandlers, timing: LinkTiming): Promise<ScaleLink> {
  const { SerialPort, DelimiterParser } = await import('serialport');
  const protocol = PROTOCOLS[device.protocol];
  const port = new SerialPort({ path: device.path, baudRate: device.baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  let waitingSince: number | null = null;
  let ended = false;
  const frames = port.pipe(new DelimiterParser({ delimiter: protocol.delimiter }));
  frames.on('data', (frame: Buffer) => {
    waitingSince = null;
    const sample = protocol.parse(frame.toString('latin1'));
    if (sample) on.sample(sample);
  });
  const ask = () => {
    if (ended) return;
    if (waitingSince !== null) {
      if (Date.now() - waitingSince < timing.answerTimeoutMs) return;
      on.silent();
    }
    waitingSince = Date.now();
    port.write(protocol.request, (error) => error && end(error));
  };
  const timer = setInterval(ask, timing.pollMs);
  const end = (error?: Error | null) => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    on.closed(error ?? undefined);
  };
  port.on('close', (error?: Error | null) => end(error));
  port.on('error', (error: Error) => {
    end(error);
    if (port.isOpen) port.close(() => {});
  });
  ask();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        ended = true;
        clearInterval(timer);
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}

async function openHidLink(device: Extract<ScaleDevice, { kind: 'hid' }>, on: LinkHandlers): Promise<ScaleLink> {
  const HID = await import('node-hid');
  const hid = device.path ? await HID.HIDAsync.open(device.path) : await HID.HIDAsync.open(device.vendorId, device.productId);
  let ended = false;
  hid.on('data', (report: Buffer) => {
    const sample = parseHidScaleReport(report);
    if (sample) on.sample(sample);
  });
  hid.on('error', (error: Error) => {
    if (ended) return;
    ended = true;
    void hid.close().catch(() => {});
    on.closed(error);
  });
  return {
    close: async () => {
      if (ended) return;
      ended = true;
      await hid.close().catch(() => {});
    },
  };
}

export interface ScaleDeviceList {
  serial: Array<{ path: string; name: string }>;
  hid: Array<{ vendorId: number; productId: number; path: string; name: string; scale: boolean }>;
  /** Why a list could not be read (e.g. the library could not load). */
  problems: string[];
}

/** Serial ports and USB HID devices this station sees; HID scales (usage page 0x8D) first. */
export async function listScaleDevices(): Promise<ScaleDeviceList> {
  const list: ScaleDeviceList = { serial: [], hid: [], problems: [] };
  try {
    const { SerialPort } = await import('serialport');
    list.serial = (await SerialPort.list()).map((p) => ({
      path: p.path,
      name: [p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : undefined].filter(Boolean).join(' ') || p.path,
    }));
  } catch (error) {
    list.problems.push(`Serial ports could not be listed: ${(error as Error).message}`);
  }
  try {
    const HID = await import('node-hid');
    list.hid = (await HID.devicesAsync())
      .map((d) => ({
        vendorId: d.vendorId,
        productId: d.productId,
        path: d.path ?? '',
        name: [d.manufacturer, d.product].filter(Boolean).join(' ') || `USB ${hex(d.vendorId)}:${hex(d.productId)}`,
        scale: d.usagePage === HID_SCALE_USAGE_PAGE,
      }))
      .sort((a, b) => Number(b.scale) - Number(a.scale));
  } catch (error) {
    list.problems.push(`USB devices could not be listed: ${(error as Error).message}`);
  }
  return list;
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}
