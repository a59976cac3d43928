/** The settings form's editable copy (numbers as typed text) and the patch it turns into. Pure. */
import { type Dimension, type Weight } from '../../shared/domain/parcels';
import {
  MAX_PRINTERS,
  type Dpi,
  type MediaSize,
  type PrinterLanguage,
  type PrinterProfile,
  type PrinterSettings,
  type PrinterSetup,
} from '../../shared/domain/printers';
import { ProviderName } from '../../shared/domain/providers';
import { type AskBeforeBuying, type PublicSettings, type SecretName, type SettingsPatch } from '../../shared/domain/settings';
import type { FieldIssues, Problem } from '../../shared/errors';
import type { MethodInput } from '../../shared/contract';
import { PROVIDER_SHORT_NAMES, PROVIDER_TITLES } from '../../shared/domain/providers';
import { BOX_FIELD, boxDraftsFrom, boxProblemText, boxPresetsFromDraft, type BoxDraft } from './box-presets-draft';

/** One printer as the form edits it. */
export interface PrinterDraft {
  /** Stable while editing: the saved ID, or "new:N" for a printer added since the last save. */
  key: string;
  /** The ID the station knows it by; null until saved (then it never changes). */
  savedId: string | null;
  name: string;
  address: string;
  dpi: Dpi;
  language: PrinterLanguage;
  media: MediaSize;
  statusCheck: boolean;
}

export interface SettingsDraft {
  provider: ProviderName;
  baseUrl: string;
  shipperAccountId: string;
  serviceType: string;
  /** Each provider's wait for a late label after a lost answer, in seconds (as typed). */
  aftershipLateSeconds: string;
  aftershipAskBeforeBuying: AskBeforeBuying;
  tiktokLateSeconds: string;
  shipiumLateSeconds: string;
  tiktokApiBaseUrl: string;
  tiktokAuthBaseUrl: string;
  tiktokAppKey: string;
  tiktokShopCipher: string;
  shipiumBaseUrl: string;
  shopifyStoreUrl: string;
  ordersFile: string;
  printers: PrinterDraft[];
  /** The key of the printer scans print on. */
  defaultPrinterKey: string;
  width: string;
  height: string;
  depth: string;
  dimensionUnit: Dimension['unit'];
  weight: string;
  weightUnit: Weight['unit'];
  operator: string;
  latencyMs: string;
  idleSignOutMinutes: string;
  returnToScanSeconds: string;
  downloadDeadlineSeconds: string;
  /** The box presets, in their order (the first is the station's usual box). */
  boxes: BoxDraft[];
  /** The station's rule for one box, as typed. */
  maxUnitsPerBox: string;
  checkItems: boolean;
}

/** The providers a station can use, in the order the Provider list shows them. */
export const PROVIDER_CHOICES: Array<{ value: ProviderName; text: string }> = ProviderName.options.map((value) => ({
  value,
  text: PROVIDER_TITLES[value],
}));

/** Printer languages in plain words: what a worker knows about the printer on the table. */
export const LANGUAGE_CHOICES: Array<{ value: PrinterLanguage; text: string }> = [
  { value: 'zpl', text: 'ZPL (Zebra and compatibles)' },
  { value: 'epl', text: 'EPL2 (older Zebra/Eltron)' },
  { value: 'tspl', text: 'TSPL (TSC and many 4x6 printers)' },
  { value: 'escpos', text: 'ESC/POS (receipt-style thermal)' },
  { value: 'pdf', text: 'PDF to an OS queue (laser / A4)' },
];

export const MEDIA_CHOICES: Array<{ value: MediaSize; text: string }> = [
  { value: '4x6', text: '4x6 in' },
  { value: '4x8', text: '4x8 in' },
  { value: 'a6', text: 'A6' },
  { value: '100x150mm', text: '100x150 mm' },
];

export const DPI_CHOICES: Dpi[] = [203, 300, 600];

/** The select's text back to a Dpi; anything unexpected falls back to the common 203. */
export function dpiFromText(text: string): Dpi {
  return DPI_CHOICES.find((d) => String(d) === text) ?? 203;
}

export function draftFromSettings(s: PublicSettings): SettingsDraft {
  return {
    provider: s.provider,
    baseUrl: s.aftership.baseUrl,
    shipperAccountId: s.aftership.shipperAccountId,
    serviceType: s.aftership.serviceType,
    aftershipLateSeconds: String(s.aftership.lateLabelWindowSeconds),
    aftershipAskBeforeBuying: s.aftership.askBeforeBuying,
    tiktokLateSeconds: String(s.tiktok.lateLabelWindowSeconds),
    shipiumLateSeconds: String(s.shipium.lateLabelWindowSeconds),
    tiktokApiBaseUrl: s.tiktok.apiBaseUrl,
    tiktokAuthBaseUrl: s.tiktok.authBaseUrl,
    tiktokAppKey: s.tiktok.appKey,
    tiktokShopCipher: s.tiktok.shopCipher,
    shipiumBaseUrl: s.shipium.baseUrl,
    shopifyStoreUrl: s.shopify.storeUrl,
    ordersFile: s.ordersFile,
    printers: s.printers.list.map(printerDraft),
    defaultPrinterKey: s.printers.defaultId,
    width: String(s.defaultParcel.dimension.width),
    height: String(s.defaultParcel.dimension.height),
    depth: String(s.defaultParcel.dimension.depth),
    dimensionUnit: s.defaultParcel.dimension.unit,
    weight: String(s.defaultParcel.weight.value),
    weightUnit: s.defaultParcel.weight.unit,
    operator: s.operator,
    latencyMs: String(s.sandbox.latencyMs),
    idleSignOutMinutes: String(s.operators.idleSignOutMinutes),
    returnToScanSeconds: String(s.operators.returnToScanSeconds),
    downloadDeadlineSeconds: String(s.labelDownload.deadlineSeconds),
    boxes: boxDraftsFrom(s.boxPresets),
    maxUnitsPerBox: String(s.packing.maxUnitsPerBox),
    checkItems: s.packing.checkItems,
  };
}

/** The environment variable that sets `field` (e.g. "printer.address"), if any. */
export function lockedBy(locked: PublicSettings['lockedByEnv'], field: string): string | undefined {
  return locked.find((l) => l.field === field || field.startsWith(`${l.field}.`))?.variable;
}

/** The variable that sets a secret (field "secrets.<name>"; the older "apiKey" entry means AfterShip's key). */
export function secretLockedBy(locked: PublicSettings['lockedByEnv'], secret: SecretName): string | undefined {
  return lockedBy(locked, `secrets.${secret}`) ?? (secret === 'aftershipApiKey' ? lockedBy(locked, 'apiKey') : undefined);
}

/** True when the draft's TikTok fields differ from what is saved (authorization uses the saved ones). */
export function tiktokDraftChanged(draft: SettingsDraft, saved: PublicSettings): boolean {
  return (
    draft.tiktokApiBaseUrl.trim() !== saved.tiktok.apiBaseUrl ||
    draft.tiktokAuthBaseUrl.trim() !== saved.tiktok.authBaseUrl ||
    draft.tiktokAppKey.trim() !== saved.tiktok.appKey ||
    draft.tiktokShopCipher.trim() !== saved.tiktok.shopCipher
  );
}

/**
 * Builds the patch to send: every section, including providers not shown, so nothing typed is lost.
 * Locked fields are left out (the station would refuse them); numbers that are not numbers are
 * reported here, everything else is validated by the station.
 */
export function patchFromDraft(
  draft: SettingsDraft,
  locked: PublicSettings['lockedByEnv'],
  /** IDs a new printer must not take: those of saved printers, even ones removed in this form. */
  takenIds: Iterable<string> = [],
  /** The same for box presets. */
  takenBoxIds: Iterable<string> = [],
): { patch: SettingsPatch; errors: string[] } {
  const errors: string[] = [];
  const num = (text: string, name: string): number => {
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value)) errors.push(`${name} must be a number.`);
    return value;
  };
  const open = (field: string) => lockedBy(locked, field) === undefined;
  /** The fields of one section that are not locked, trimmed; undefined when all are locked. */
  const section = <T extends Record<string, string>>(name: string, values: T): Partial<T> | undefined => {
    const out: Partial<T> = {};
    for (const [key, value] of Object.entries(values) as Array<[keyof T & string, string]>) {
      if (open(`${name}.${key}`)) out[key] = value.trim() as T[keyof T & string];
    }
    return Object.keys(out).length ? out : undefined;
  };
  /** A provider's late-label wait, when not locked: whole seconds (the station checks the range). */
  const lateSeconds = (provider: 'aftership' | 'tiktok' | 'shipium', text: string): { lateLabelWindowSeconds?: number } => {
    if (!open(`${provider}.lateLabelWindowSeconds`)) return {};
    const name = lateLabelFieldName(provider);
    const seconds = num(text, name);
    if (Number.isFinite(seconds) && !Number.isInteger(seconds)) errors.push(`${name} must be a whole number of seconds.`);
    return { lateLabelWindowSeconds: seconds };
  };
  const patch: SettingsPatch = {};
  if (open('provider')) patch.provider = draft.provider;
  const aftership = {
    ...section('aftership', {
      baseUrl: draft.baseUrl,
      shipperAccountId: draft.shipperAccountId,
      serviceType: draft.serviceType,
    }),
    ...lateSeconds('aftership', draft.aftershipLateSeconds),
    ...(open('aftership.askBeforeBuying') && { askBeforeBuying: draft.aftershipAskBeforeBuying }),
  };
  if (Object.keys(aftership).length) patch.aftership = aftership;
  const tiktok = {
    ...section('tiktok', {
      apiBaseUrl: draft.tiktokApiBaseUrl,
      authBaseUrl: draft.tiktokAuthBaseUrl,
      appKey: draft.tiktokAppKey,
      shopCipher: draft.tiktokShopCipher,
    }),
    ...lateSeconds('tiktok', draft.tiktokLateSeconds),
  };
  if (Object.keys(tiktok).length) patch.tiktok = tiktok;
  const shipium = { ...section('shipium', { baseUrl: draft.shipiumBaseUrl }), ...lateSeconds('shipium', draft.shipiumLateSeconds) };
  if (Object.keys(shipium).length) patch.shipium = shipium;
  const shopify = section('shopify', { storeUrl: draft.shopifyStoreUrl });
  if (shopify) patch.shopify = shopify;
  if (open('ordersFile')) patch.ordersFile = draft.ordersFile.trim();
  // Always the whole list; fields the environment sets go unchanged (the station refuses a change to them).
  if (open('printers')) patch.printers = printerSetupFromDraft(draft, takenIds);
  if (open('defaultParcel.dimension')) {
    patch.defaultParcel = {
      dimension: {
        width: num(draft.width, 'Width'),
        height: num(draft.height, 'Height'),
        depth: num(draft.depth, 'Depth'),
        unit: draft.dimensionUnit,
      },
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
  if (open('operators.idleSignOutMinutes')) {
    const minutes = num(draft.idleSignOutMinutes, 'Sign out after');
    if (Number.isFinite(minutes) && !Number.isInteger(minutes)) errors.push('Sign out after: whole minutes (0 never).');
    patch.operators = { idleSignOutMinutes: minutes };
  }
  if (open('operators.returnToScanSeconds')) {
    const seconds = num(draft.returnToScanSeconds, 'Back to Scan after');
    if (Number.isFinite(seconds) && !Number.isInteger(seconds)) errors.push('Back to Scan after: whole seconds (0 never).');
    patch.operators = { ...patch.operators, returnToScanSeconds: seconds };
  }
  if (open('labelDownload.deadlineSeconds')) {
    const seconds = num(draft.downloadDeadlineSeconds, 'Wait for a label file');
    if (Number.isFinite(seconds) && !Number.isInteger(seconds)) errors.push('Wait for a label file: whole seconds (1 to 300).');
    patch.labelDownload = { deadlineSeconds: seconds };
  }
  if (open('boxPresets')) {
    const boxes = boxPresetsFromDraft(draft.boxes, takenBoxIds);
    errors.push(...boxes.errors);
    patch.boxPresets = boxes.presets;
  }
  if (open('packing.maxUnitsPerBox')) {
    const units = num(draft.maxUnitsPerBox, 'Units in one box');
    if (Number.isFinite(units) && !Number.isInteger(units)) errors.push('Units in one box must be a whole number.');
    patch.packing = { maxUnitsPerBox: units };
  }
  if (open('packing.checkItems')) patch.packing = { ...patch.packing, checkItems: draft.checkItems };
  return { patch, errors };
}

/** "Wait for a late label (AfterShip)": the field's label, with its provider when said away from its section. */
export function lateLabelFieldName(provider: 'aftership' | 'tiktok' | 'shipium'): string {
  return `Wait for a late label (${PROVIDER_SHORT_NAMES[provider]})`;
}

/** Names a worker knows for the settings paths the station reports problems on. */
const FIELD_NAMES: Record<string, string> = {
  provider: 'Provider',
  'aftership.baseUrl': 'AfterShip address',
  'aftership.shipperAccountId': 'AfterShip shipper account ID',
  'aftership.serviceType': 'AfterShip service type',
  'aftership.askBeforeBuying': 'Before buying (AfterShip)',
  'tiktok.apiBaseUrl': 'TikTok API address',
  'tiktok.authBaseUrl': 'TikTok authorization address',
  'tiktok.appKey': 'TikTok app key',
  'tiktok.shopCipher': 'TikTok shop cipher',
  'aftership.lateLabelWindowSeconds': lateLabelFieldName('aftership'),
  'tiktok.lateLabelWindowSeconds': lateLabelFieldName('tiktok'),
  'shipium.baseUrl': 'Shipium address',
  'shipium.lateLabelWindowSeconds': lateLabelFieldName('shipium'),
  'shopify.storeUrl': 'Shopify store address',
  ordersFile: 'WMS order file',
  'printer.address': 'Printer address',
  'printer.dpi': 'Resolution',
  'printer.language': 'Printer language',
  'printer.media': 'Label size',
  'printers.defaultId': 'Default printer',
  'printers.list': 'Printers',
  'defaultParcel.dimension.width': 'Width',
  'defaultParcel.dimension.height': 'Height',
  'defaultParcel.dimension.depth': 'Depth',
  'defaultParcel.dimension.unit': 'Size unit',
  'defaultParcel.weight.value': 'Weight',
  'defaultParcel.weight.unit': 'Weight unit',
  operator: 'Operator name',
  'sandbox.latencyMs': 'Sandbox delay',
  'operators.idleSignOutMinutes': 'Sign out after',
  'operators.returnToScanSeconds': 'Back to Scan after',
  'labelDownload.deadlineSeconds': 'Wait for a label file',
  'packing.maxUnitsPerBox': 'Units in one box',
  'packing.checkItems': 'Check items before buying',
  boxPresets: 'Boxes',
};

export interface FieldProblem {
  /** Settings path, e.g. "printers.list.1.address"; undefined when the message names no field. */
  field?: string;
  text: string;
  /** The printer (its place in the list sent) the problem is about. */
  printerIndex?: number;
  /** The box preset (its place in the list sent) the problem is about. */
  boxIndex?: number;
}

/**
 * The field issues of a refused save (the station sends them per dotted path), one line per field
 * (its first problem; an empty address fails both "enter it" and "must look like") with a readable
 * field name. An issue on a field the form does not know keeps its path, so nothing is hidden.
 */
export function fieldProblemsFrom(fields: FieldIssues): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [field, messages] of Object.entries(fields)) {
    const detail = messages[0];
    if (!detail) continue;
    if (field === '') {
      out.push({ text: detail });
      continue;
    }
    const box = BOX_FIELD.exec(field);
    if (box) {
      out.push({ field, text: `Box ${Number(box[1]) + 1}: ${boxProblemText(box[2]!, detail)}`, boxIndex: Number(box[1]) });
      continue;
    }
    const name = fieldName(field);
    // Schema messages often already name the field ("Width must be more than 0", "Enter the printer address").
    const text = name ? (detail.toLowerCase().includes(name.toLowerCase()) ? detail : `${name}: ${detail}`) : `${field}: ${detail}`;
    const printerIndex = PRINTER_FIELD.exec(field)?.[1];
    out.push({ field, text, ...(printerIndex !== undefined && { printerIndex: Number(printerIndex) }) });
  }
  return out;
}

/** `printers.list.<index>.<field>`: a field of one printer in the list the form sent. */
const PRINTER_FIELD = /^printers\.list\.(\d+)\.(\w+)$/;

const PRINTER_FIELD_NAMES: Record<string, string> = {
  id: 'Printer ID',
  name: 'Printer name',
  address: 'Printer address',
  dpi: 'Resolution',
  language: 'Printer language',
  media: 'Label size',
  statusCheck: 'Status check',
};

function fieldName(field: string): string | undefined {
  const printerField = PRINTER_FIELD.exec(field)?.[2];
  return printerField !== undefined ? PRINTER_FIELD_NAMES[printerField] : FIELD_NAMES[field];
}

/**
 * The problems a refused save holds, each on its field: the station's invalid_input field issues, or
 * a locked_by_env refusal on the field the environment sets (`printer.*` is the default printer's).
 */
export function fieldProblemsOf(problem: Problem | undefined, draft: SettingsDraft): FieldProblem[] {
  if (!problem?.fields) return [];
  if (problem.code === 'invalid_input') return fieldProblemsFrom(problem.fields);
  if (problem.code !== 'locked_by_env') return [];
  const defaultIndex = draft.printers.findIndex((p) => p.key === draft.defaultPrinterKey);
  return Object.keys(problem.fields).map((field) => {
    const printerField = /^printer\.(\w+)$/.exec(field)?.[1];
    if (printerField && defaultIndex >= 0) {
      return { field: `printers.list.${defaultIndex}.${printerField}`, text: problem.message, printerIndex: defaultIndex };
    }
    return { field, text: problem.message };
  });
}

/** The problems as the summary under the form says them: one line per printer (named), then the others. */
export function summarizeProblems(problems: FieldProblem[], printers: PrinterDraft[]): string[] {
  const lines: string[] = [];
  const byPrinter = new Map<number, string[]>();
  for (const p of problems) {
    if (p.printerIndex === undefined) lines.push(p.text);
    else byPrinter.set(p.printerIndex, [...(byPrinter.get(p.printerIndex) ?? []), p.text]);
  }
  const printerLines = [...byPrinter.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, texts]) => {
      const name = printers[index]?.name.trim();
      return `Printer ${index + 1}${name ? ` “${name}”` : ''}: ${texts.join('; ')}`;
    });
  return [...printerLines, ...lines];
}

/** The problems with the box at `index` (its place in the list sent), in the box's own words: no "Box 2:" before them. */
export function boxProblems(problems: FieldProblem[], index: number): string[] {
  return problems.filter((p) => p.boxIndex === index && index >= 0).map((p) => p.text.replace(/^Box \d+: /, ''));
}

/** The problems for one field of the printer at `index` (field: name, address, dpi, language, media, statusCheck). */
export function printerProblems(problems: FieldProblem[], index: number, field: string): string[] {
  return problems.filter((p) => p.field === `printers.list.${index}.${field}`).map((p) => p.text);
}

// ---------- printers ----------

export type PrinterField = 'address' | 'dpi' | 'language' | 'media' | 'statusCheck';

function printerDraft(p: PrinterProfile): PrinterDraft {
  return {
    key: p.id,
    savedId: p.id,
    name: p.name,
    address: p.address,
    dpi: p.dpi,
    language: p.language,
    media: p.media,
    statusCheck: p.statusCheck,
  };
}

/** The printer settings a draft holds, trimmed, as the station takes them. */
export function printerSettingsOf(p: PrinterDraft): PrinterSettings {
  return { address: p.address.trim(), dpi: p.dpi, language: p.language, media: p.media, statusCheck: p.statusCheck };
}

/** A printer ID from its name ("Office A4" → "office-a4"), made unique; "printer" when the name has no letters or digits. */
export function printerIdFromName(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 32)
    .replace(/^-+|-+$/g, '');
  const base = slug || 'printer';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The whole printer list to save. Saved printers keep their ID (History and the print queue refer to
 * it); new ones get one from their name, never one a saved printer has or had.
 */
export function printerSetupFromDraft(draft: SettingsDraft, takenIds: Iterable<string> = []): PrinterSetup {
  const taken = new Set<string>([...takenIds, ...draft.printers.flatMap((p) => (p.savedId ? [p.savedId] : []))]);
  const ids = new Map<string, string>();
  const list = draft.printers.map((p): PrinterProfile => {
    const id = p.savedId ?? printerIdFromName(p.name, taken);
    taken.add(id);
    ids.set(p.key, id);
    return { id, name: p.name.trim(), ...printerSettingsOf(p) };
  });
  return { defaultId: ids.get(draft.defaultPrinterKey) ?? list[0]?.id ?? '', list };
}

export function canAddPrinter(draft: SettingsDraft): boolean {
  return draft.printers.length < MAX_PRINTERS;
}

/** Adds a printer ("Printer 2", a 203 dpi ZPL 4x6 label printer until changed); nothing past MAX_PRINTERS. */
export function addPrinter(draft: SettingsDraft): SettingsDraft {
  if (!canAddPrinter(draft)) return draft;
  const names = new Set(draft.printers.map((p) => p.name.trim().toLowerCase()));
  let n = draft.printers.length + 1;
  while (names.has(`printer ${n}`)) n++;
  const newKeys = draft.printers
    .map((p) => /^new:(\d+)$/.exec(p.key)?.[1])
    .filter((k) => k !== undefined)
    .map(Number);
  const key = `new:${Math.max(0, ...newKeys) + 1}`;
  const printer: PrinterDraft = {
    key,
    savedId: null,
    name: `Printer ${n}`,
    address: '',
    dpi: 203,
    language: 'zpl',
    media: '4x6',
    statusCheck: true,
  };
  return { ...draft, printers: [...draft.printers, printer] };
}

/**
 * Takes a printer out of the list (never the last one). Removing the default makes the first
 * remaining printer the default: `newDefault` names it so the screen can say so.
 */
export function removePrinter(draft: SettingsDraft, key: string): { draft: SettingsDraft; newDefault?: PrinterDraft } {
  const printers = draft.printers.filter((p) => p.key !== key);
  if (printers.length === draft.printers.length || printers.length === 0) return { draft };
  if (draft.defaultPrinterKey !== key) return { draft: { ...draft, printers } };
  const newDefault = printers[0]!;
  return { draft: { ...draft, printers, defaultPrinterKey: newDefault.key }, newDefault };
}

/** Puts a removed printer back where it was (Undo). */
export function restorePrinter(draft: SettingsDraft, printer: PrinterDraft, index: number): SettingsDraft {
  if (draft.printers.some((p) => p.key === printer.key) || !canAddPrinter(draft)) return draft;
  const printers = [...draft.printers];
  printers.splice(Math.min(index, printers.length), 0, printer);
  return { ...draft, printers };
}

/**
 * The variable that sets one of this printer's fields. The environment presets the default printer
 * (LABEL_STATION_PRINTER…): only the saved default printer's fields can be locked; its name never is.
 */
export function printerFieldLockedBy(
  locked: PublicSettings['lockedByEnv'],
  printer: PrinterDraft,
  savedDefaultId: string,
  field: PrinterField,
): string | undefined {
  if (printer.savedId === null || printer.savedId !== savedDefaultId) return undefined;
  return lockedBy(locked, `printer.${field}`);
}

/** The variable that fixes which printer is the default: set explicitly, or implied by any preset printer field. */
export function defaultChoiceLockedBy(locked: PublicSettings['lockedByEnv']): string | undefined {
  return lockedBy(locked, 'printers.defaultId') ?? locked.find((l) => l.field === 'printer' || l.field.startsWith('printer.'))?.variable;
}

/** True when the printer is saved and the form holds exactly what was saved. */
export function printerUnchanged(printer: PrinterDraft, saved: PrinterProfile | undefined): saved is PrinterProfile {
  if (!saved || printer.savedId !== saved.id) return false;
  const now = printerSettingsOf(printer);
  return now.address === saved.address && now.dpi === saved.dpi && now.language === saved.language && now.media === saved.media;
}

/** What Test print sends: the saved printer by ID when nothing was changed, else the settings typed in the form. */
export function testPrintInput(printer: PrinterDraft, saved: PrinterProfile | undefined): MethodInput<'testPrint'> {
  return printerUnchanged(printer, saved) ? { printerId: saved.id } : { draft: printerSettingsOf(printer) };
}

/** Whether the station can ask this kind of printer how it is (network ZPL or ESC/POS): only then is the status check offered. */
export function statusCheckApplies(printer: PrinterDraft): boolean {
  return printer.address.trim().startsWith('tcp://') && (printer.language === 'zpl' || printer.language === 'escpos');
}
