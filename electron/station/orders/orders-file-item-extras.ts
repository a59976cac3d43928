/**
 * The optional columns of a WMS order file that let the splitter suggest boxes and show pictures:
 * one unit's weight and size, a product image, and the product's barcode for the packing check.
 * CSV columns unit_weight + unit_weight_unit, length + width + height + dimension_unit, image_url,
 * barcode; in JSON a line item's unitWeight { value, unit }, unitDimension { length, width, height,
 * unit }, imageUrl and barcode.
 * Length is the box's depth (how carriers name the long side of a parcel lying flat).
 */
import { z } from 'zod';
import { ImageUrl, ItemBarcode, type LineItem } from '../../../shared/domain/orders';
import { Dimension, Weight } from '../../../shared/domain/parcels';

export const ITEM_EXTRA_CSV_COLUMNS = [
  'unit_weight',
  'unit_weight_unit',
  'length',
  'width',
  'height',
  'dimension_unit',
  'image_url',
  'barcode',
] as const;

type Extras = Pick<LineItem, 'unitWeight' | 'unitDimension' | 'imageUrl' | 'barcode'>;

/** A column's message, or the extras to add to the line item (only those the file gives). */
export type ExtrasResult = { ok: true; extras: Extras } | { ok: false; message: string };

const WEIGHT_UNITS = 'lb, oz, kg or g';
const LENGTH_UNITS = 'in or cm';

export function csvItemExtras(row: Record<string, string | undefined>): ExtrasResult {
  const cell = (name: (typeof ITEM_EXTRA_CSV_COLUMNS)[number]) => (row[name] ?? '').trim();
  const extras: Extras = {};

  if (cell('unit_weight') !== '' || cell('unit_weight_unit') !== '') {
    const value = number(cell('unit_weight'));
    if (value === null) return fail('unit_weight must be a number such as 0.75');
    const unit = cell('unit_weight_unit').toLowerCase();
    if (!unit) return fail(`unit_weight_unit is empty: say what unit_weight is in (${WEIGHT_UNITS})`);
    const weight = Weight.safeParse({ value, unit });
    if (!weight.success) {
      return fail(
        weight.error.issues[0]?.path[0] === 'unit' ? `unit_weight_unit must be ${WEIGHT_UNITS}` : `unit_weight ${rest(weight.error)}`,
      );
    }
    extras.unitWeight = weight.data;
  }

  const sides = (['length', 'width', 'height'] as const).map((name) => [name, cell(name)] as const);
  if (sides.some(([, value]) => value !== '') || cell('dimension_unit') !== '') {
    const missing = sides.filter(([, value]) => value === '').map(([name]) => name);
    if (missing.length > 0)
      return fail(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty: give all three sides of one unit, or none`);
    const bad = sides.find(([, value]) => number(value) === null);
    if (bad) return fail(`${bad[0]} must be a number such as 4.5`);
    const [length, width, height] = sides.map(([, value]) => number(value)!) as [number, number, number];
    const dimension = toDimension({ length, width, height, unit: cell('dimension_unit').toLowerCase() });
    if (!dimension.ok) return dimension;
    extras.unitDimension = dimension.value;
  }

  if (cell('image_url') !== '') {
    const url = ImageUrl.safeParse(cell('image_url'));
    if (!url.success) return fail(`image_url ${url.error.issues[0]?.message ?? 'is not valid'}`);
    extras.imageUrl = url.data;
  }

  if (cell('barcode') !== '') {
    const barcode = ItemBarcode.safeParse(cell('barcode'));
    if (!barcode.success) return fail(`barcode ${barcode.error.issues[0]?.message ?? 'is not valid'}`);
    extras.barcode = barcode.data;
  }
  return { ok: true, extras };
}

/** JSON line item fields, checked by the caller's schema as a whole. */
export const JsonItemExtras = z.object({
  unitWeight: Weight.nullish(),
  unitDimension: z
    .object({ length: z.number(), width: z.number(), height: z.number(), unit: z.string() })
    .nullish()
    .transform((d, ctx) => {
      if (!d) return d;
      const dimension = toDimension(d);
      if (dimension.ok) return dimension.value;
      ctx.addIssue({ code: 'custom', message: dimension.message.replace(/^dimension_unit/, 'unit') });
      return z.NEVER;
    }),
  imageUrl: ImageUrl.nullish(),
  barcode: ItemBarcode.nullish(),
});

/** Only the fields the file gives, so line items without them stay as they were. */
export function definedExtras(extras: z.infer<typeof JsonItemExtras>): Extras {
  const out: Extras = {};
  if (extras.unitWeight) out.unitWeight = extras.unitWeight;
  if (extras.unitDimension) out.unitDimension = extras.unitDimension;
  if (extras.imageUrl) out.imageUrl = extras.imageUrl;
  if (extras.barcode) out.barcode = extras.barcode;
  return out;
}

function toDimension(d: {
  length: number;
  width: number;
  height: number;
  unit: string;
}): { ok: true; value: Dimension } | { ok: false; message: string } {
  if (!d.unit) return fail(`dimension_unit is empty: say what the sides are in (${LENGTH_UNITS})`);
  const parsed = Dimension.safeParse({ width: d.width, height: d.height, depth: d.length, unit: d.unit });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.path[0] === 'unit') return fail(`dimension_unit must be ${LENGTH_UNITS}`);
  const side = issue?.path[0] === 'depth' ? 'length' : String(issue?.path[0] ?? 'a side');
  return fail(`${side} ${rest(parsed.error)}`);
}

function number(text: string): number | null {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return null;
  return Number(text);
}

/** "Width must be more than 0" without its subject, which the caller names as the file does. */
function rest(error: z.ZodError): string {
  return (error.issues[0]?.message ?? 'is not valid').replace(/^(Weight|Width|Height|Depth) /, '');
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
