/** The settings form's editable copy (numbers as typed text) and the patch it turns into. Pure. */
import type { Dimension, Dpi, ProviderName, PublicSettings, SettingsPatch, Weight } from '../shared/schemas';

export interface SettingsDraft {
  provider: ProviderName;
  baseUrl: string;
  printerAddress: string;
  dpi: Dpi;
  width: string;
  height: string;
  depth: string;
  dimensionUnit: Dimension['unit'];
  weight: string;
  weightUnit: Weight['unit'];
  operator: string;
  latencyMs: string;
}

export function draftFromSettings(s: PublicSettings): SettingsDraft {
  return {
    provider: s.provider,
    baseUrl: s.aftership.baseUrl,
    printerAddress: s.printer.address,
    dpi: s.printer.dpi,
    width: String(s.defaultParcel.dimension.width),
    height: String(s.defaultParcel.dimension.height),
    depth: String(s.defaultParcel.dimension.depth),
    dimensionUnit: s.defaultParcel.dimension.unit,
    weight: String(s.defaultParcel.weight.value),
    weightUnit: s.defaultParcel.weight.unit,
    operator: s.operator,
    latencyMs: String(s.sandbox.latencyMs),
  };
}

/** The environment variable that sets `field` (e.g. "printer.address"), if any. */
export function lockedBy(locked: PublicSettings['lockedByEnv'], field: string): string | undefined {
  return locked.find((l) => l.field === field || field.startsWith(`${l.field}.`))?.variable;
}

/**
 * Builds the patch to send. Locked fields are left out (the station would refuse them); numbers that
 * are not numbers are reported here, everything else is validated by the station.
 */
export function patchFromDraft(draft: SettingsDraft, locked: PublicSettings['lockedByEnv']): { patch: SettingsPatch; errors: string[] } {
  const errors: string[] = [];
  const num = (text: string, name: string): number => {
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value)) errors.push(`${name} must be a number.`);
    return value;
  };
  const open = (field: string) => lockedBy(locked, field) === undefined;
  const patch: SettingsPatch = {};
  if (open('provider')) patch.provider = draft.provider;
  if (open('aftership.baseUrl')) patch.aftership = { baseUrl: draft.baseUrl.trim() };
  const printer: NonNullable<SettingsPatch['printer']> = {};
  if (open('printer.address')) printer.address = draft.printerAddress.trim();
  if (open('printer.dpi')) printer.dpi = draft.dpi;
  if (Object.keys(printer).length) patch.printer = printer;
  if (open('defaultParcel.dimension')) {
    patch.defaultParcel = {
      dimension: { width: num(draft.width, 'Width'), height: num(draft.height, 'Height'), depth: num(draft.depth, 'Depth'), unit: draft.dimensionUnit },
    };
  }
  if (open('defaultParcel.weight')) {
    patch.defaultParcel = { ...patch.defaultParcel, weight: { value: num(draft.weight, 'Weight'), unit: draft.weightUnit } };
  }
  if (open('operator')) patch.operator = draft.operator.trim();
  if (open('sandbox.latencyMs')) {
    const latency = num(draft.latencyMs, 'Sandbox delay');
    if (Number.isFinite(latency) && !Number.isInteger(latency)) errors.push('Sandbox delay must be a whole number of milliseconds.');
    patch.sandbox = { latencyMs: latency };
  }
  return { patch, errors };
}

/** Names a worker knows for the settings paths the station reports problems on. */
const FIELD_NAMES: Record<string, string> = {
  provider: 'Provider',
  'aftership.baseUrl': 'AfterShip address',
  'printer.address': 'Printer address',
  'printer.dpi': 'Resolution',
  'defaultParcel.dimension.width': 'Width',
  'defaultParcel.dimension.height': 'Height',
  'defaultParcel.dimension.depth': 'Depth',
  'defaultParcel.dimension.unit': 'Size unit',
  'defaultParcel.weight.value': 'Weight',
  'defaultParcel.weight.unit': 'Weight unit',
  operator: 'Operator name',
  'sandbox.latencyMs': 'Sandbox delay',
};

export interface FieldProblem {
  /** Settings path, e.g. "printer.address"; undefined when the message names no field. */
  field?: string;
  text: string;
}

/**
 * Splits an invalid_input message ("path: message; path: message", as the station's dispatcher
 * writes it) into one line per field with a readable field name, without repeats.
 */
export function splitFieldProblems(message: string): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part.trim());
    const field = match?.[1];
    const name = field ? FIELD_NAMES[field] : undefined;
    const detail = match?.[2] ?? '';
    // Schema messages often already start with the field's name ("Width must be more than 0").
    const text = name ? (detail.toLowerCase().startsWith(name.toLowerCase()) ? detail : `${name}: ${detail}`) : part.trim();
    const problem: FieldProblem = name ? { field, text } : { text };
    if (problem.text === '' || seen.has(problem.text)) continue;
    seen.add(problem.text);
    out.push(problem);
  }
  return out;
}
