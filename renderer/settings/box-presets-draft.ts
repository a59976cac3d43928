/** The Settings form's box presets (numbers as typed) and the list they save as. Pure. */
import type { BoxPreset } from '../../shared/domain/box-presets';
import type { Dimension, Weight } from '../../shared/domain/parcels';

/** One box as the form edits it. */
export interface BoxDraft {
  /** Stable while editing: the saved ID, or "new:N" for a box added since the last save. */
  key: string;
  /** The ID the splitter's plans refer to; null until saved (then it never changes). */
  savedId: string | null;
  name: string;
  width: string;
  height: string;
  depth: string;
  dimensionUnit: Dimension['unit'];
  tare: string;
  tareUnit: Weight['unit'];
}

export const MAX_BOX_PRESETS = 30;

export function boxDraftsFrom(presets: readonly BoxPreset[]): BoxDraft[] {
  return presets.map((p) => ({
    key: p.id,
    savedId: p.id,
    name: p.name,
    width: String(p.dimension.width),
    height: String(p.dimension.height),
    depth: String(p.dimension.depth),
    dimensionUnit: p.dimension.unit,
    tare: String(p.tareWeight.value),
    tareUnit: p.tareWeight.unit,
  }));
}

/** A box ID from its name ("Mailer 9×6" → "mailer-9-6"), unique; "box" when the name has no letters or digits. */
export function boxIdFromName(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  const base = slug || 'box';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The list to save, in the form's order. Saved boxes keep their ID (a plan names its box by it);
 * new ones get one from their name, never one a box has or had while the form was open. Numbers
 * that are not numbers are reported by box and field, so nothing is sent as NaN.
 */
export function boxPresetsFromDraft(
  boxes: readonly BoxDraft[],
  takenIds: Iterable<string> = [],
): { presets: BoxPreset[]; errors: string[] } {
  const taken = new Set<string>([...takenIds, ...boxes.flatMap((b) => (b.savedId ? [b.savedId] : []))]);
  const errors: string[] = [];
  const presets = boxes.map((box, index): BoxPreset => {
    const who = `Box ${index + 1}${box.name.trim() ? ` “${box.name.trim()}”` : ''}`;
    const num = (text: string, what: string) => {
      const value = Number(text.trim().replace(',', '.'));
      if (text.trim() === '' || !Number.isFinite(value)) errors.push(`${who}: ${what} must be a number.`);
      return value;
    };
    const id = box.savedId ?? boxIdFromName(box.name, taken);
    taken.add(id);
    return {
      id,
      name: box.name.trim(),
      dimension: {
        width: num(box.width, 'width'),
        height: num(box.height, 'height'),
        depth: num(box.depth, 'depth'),
        unit: box.dimensionUnit,
      },
      tareWeight: { value: num(box.tare, 'empty weight'), unit: box.tareUnit },
    };
  });
  return { presets, errors };
}

/** Adds an empty-named box at the end, sized like the last one (most additions are a close variant). */
export function addBox(boxes: readonly BoxDraft[]): BoxDraft[] {
  if (boxes.length >= MAX_BOX_PRESETS) return [...boxes];
  const numbers = boxes
    .map((b) => /^new:(\d+)$/.exec(b.key)?.[1])
    .filter((k) => k !== undefined)
    .map(Number);
  const last = boxes.at(-1);
  const names = new Set(boxes.map((b) => b.name.trim().toLowerCase()));
  let n = boxes.length + 1;
  while (names.has(`box ${n}`)) n++;
  return [
    ...boxes,
    {
      key: `new:${Math.max(0, ...numbers) + 1}`,
      savedId: null,
      name: `Box ${n}`,
      width: last?.width ?? '12',
      height: last?.height ?? '10',
      depth: last?.depth ?? '6',
      dimensionUnit: last?.dimensionUnit ?? 'in',
      tare: last?.tare ?? '0.5',
      tareUnit: last?.tareUnit ?? 'lb',
    },
  ];
}

/** Moves a box one place up (-1) or down (+1); nothing past either end. */
export function moveBox(boxes: readonly BoxDraft[], key: string, by: -1 | 1): BoxDraft[] {
  const from = boxes.findIndex((b) => b.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= boxes.length) return [...boxes];
  const next = [...boxes];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Takes a box out (never the last one: the splitter suggests from this list). */
export function removeBox(boxes: readonly BoxDraft[], key: string): BoxDraft[] {
  const next = boxes.filter((b) => b.key !== key);
  return next.length === 0 ? [...boxes] : next;
}

/** Puts a removed box back where it was (Undo). */
export function restoreBox(boxes: readonly BoxDraft[], box: BoxDraft, index: number): BoxDraft[] {
  if (boxes.some((b) => b.key === box.key) || boxes.length >= MAX_BOX_PRESETS) return [...boxes];
  const next = [...boxes];
  next.splice(Math.min(index, next.length), 0, box);
  return next;
}

/** `boxPresets.<index>.<field>…`: a field of one box in the list the form sent. */
export const BOX_FIELD = /^boxPresets\.(\d+)\.(\w+)/;

/** A box's problem in the box's words: "Width must be more than 0", "Empty weight must be more than 0". */
export function boxProblemText(field: string, detail: string): string {
  if (field === 'tareWeight') return detail.replace(/^Weight\b/, 'Empty weight');
  if (field === 'name' && !/name|called/i.test(detail)) return `Name: ${detail}`;
  if (field === 'id') return `ID: ${detail}`;
  return detail;
}
