/** The Settings scale section as typed (strings), and back to the station's ScaleSettings. */
import { ScaleSettings, type ScaleProtocol } from '../../shared/domain/scale';
import type { WeightUnit } from '../../shared/domain/units';
import { describeZodError } from '../../shared/errors';

export interface ScaleDraft {
  kind: 'none' | 'serial' | 'hid';
  serialPath: string;
  baudRate: string;
  protocol: ScaleProtocol;
  /** Hexadecimal, as USB ids are written (0922). */
  vendorId: string;
  productId: string;
  hidPath: string;
  mustBeStable: boolean;
  stableWaitSeconds: string;
  minWeight: string;
  maxWeight: string;
  limitUnit: WeightUnit;
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

export function scaleDraftFrom(s: ScaleSettings): ScaleDraft {
  const d = s.device;
  return {
    kind: d.kind,
    serialPath: d.kind === 'serial' ? d.path : '',
    baudRate: String(d.kind === 'serial' ? d.baudRate : 9600),
    protocol: d.kind === 'serial' ? d.protocol : 'mt-sics',
    vendorId: d.kind === 'hid' ? hex(d.vendorId) : '',
    productId: d.kind === 'hid' ? hex(d.productId) : '',
    hidPath: d.kind === 'hid' ? d.path : '',
    mustBeStable: s.mustBeStable,
    stableWaitSeconds: String(s.stableWaitSeconds),
    minWeight: s.minWeight ? String(s.minWeight.value) : '',
    maxWeight: s.maxWeight ? String(s.maxWeight.value) : '',
    limitUnit: s.maxWeight?.unit ?? s.minWeight?.unit ?? 'lb',
  };
}

export type ScaleDraftResult = { ok: true; settings: ScaleSettings } | { ok: false; message: string };

export function scaleSettingsFrom(d: ScaleDraft): ScaleDraftResult {
  const usbId = (text: string, what: string): number | string => {
    const t = text.trim().replace(/^0x/i, '');
    return /^[0-9a-f]{1,4}$/i.test(t) ? parseInt(t, 16) : `The ${what} is 1 to 4 hexadecimal digits, e.g. 0922`;
  };
  const weight = (text: string) => (text.trim() === '' ? null : { value: Number(text.trim().replace(',', '.')), unit: d.limitUnit });
  let device: unknown = { kind: 'none' };
  if (d.kind === 'serial') device = { kind: 'serial', path: d.serialPath, baudRate: Number(d.baudRate), protocol: d.protocol };
  if (d.kind === 'hid') {
    const vendorId = usbId(d.vendorId, 'vendor id');
    const productId = usbId(d.productId, 'product id');
    if (typeof vendorId === 'string') return { ok: false, message: vendorId };
    if (typeof productId === 'string') return { ok: false, message: productId };
    device = { kind: 'hid', vendorId, productId, path: d.hidPath };
  }
  const parsed = ScaleSettings.safeParse({
    device,
    mustBeStable: d.mustBeStable,
    stableWaitSeconds: Number(d.stableWaitSeconds.trim() || 'NaN'),
    minWeight: weight(d.minWeight),
    maxWeight: weight(d.maxWeight),
  });
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, message: describeZodError(parsed.error) };
}
