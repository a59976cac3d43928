/**
 * The shipping scale: which device the station reads (none, a USB HID point-of-sale scale, or a
 * serial scale and its protocol), the rules a scan follows with it, and a reading as the screen shows it.
 */
import { z } from 'zod';
import { Weight } from './parcels';
import { gramsOf, formatWeight } from './units';

export const SCALE_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

/** MT-SICS: Mettler Toledo's "SI" command. NCI: the "W<CR>" protocol of NCI, Weigh-Tronix, Avery, Brecknell bench scales. */
export const ScaleProtocol = z.enum(['mt-sics', 'nci']);
export type ScaleProtocol = z.infer<typeof ScaleProtocol>;

const UsbId = z.number().int('A USB id is a whole number').min(0).max(0xffff, 'A USB id is at most FFFF');

export const ScaleDevice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('hid'),
    vendorId: UsbId,
    productId: UsbId,
    /** One device among several alike (the OS path node-hid lists); '' the first one found. */
    path: z.string().trim().max(300).default(''),
  }),
  z.object({
    kind: z.literal('serial'),
    path: z.string().trim().min(1, 'Choose the serial port the scale is on (e.g. /dev/ttyUSB0 or COM3)').max(300),
    baudRate: z
      .number()
      .int()
      .refine((n) => (SCALE_BAUD_RATES as readonly number[]).includes(n), 'Pick the baud rate set on the scale (9600 is the usual one)'),
    protocol: ScaleProtocol,
  }),
]);
export type ScaleDevice = z.infer<typeof ScaleDevice>;

export const ScaleSettings = z
  .object({
    device: ScaleDevice,
    /** A scan waits for (then is refused without) a stable reading when no weight was typed. */
    mustBeStable: z.boolean(),
    /** How long a scan waits for the scale to settle before it is refused (0: refused at once). */
    stableWaitSeconds: z.number().int('Whole seconds').min(0).max(10, 'At most 10 seconds'),
    /** A parcel lighter or heavier than these is refused (scale or typed weight); null: no limit. */
    minWeight: Weight.nullable(),
    maxWeight: Weight.nullable(),
  })
  .refine((s) => !s.minWeight || !s.maxWeight || gramsOf(s.minWeight) < gramsOf(s.maxWeight), {
    message: 'The lowest weight must be less than the highest',
    path: ['maxWeight'],
  });
export type ScaleSettings = z.infer<typeof ScaleSettings>;

export const DEFAULT_SCALE: ScaleSettings = {
  device: { kind: 'none' },
  mustBeStable: true,
  stableWaitSeconds: 3,
  minWeight: null,
  maxWeight: null,
};

/**
 * What the scale says. stable / in_motion / zero carry a weight; the others are faults or the link's
 * state (off: no scale configured; connecting; not_connected: unplugged or cannot be opened;
 * no_answer: open but silent; busy: the scale could not answer this time).
 */
export const ScaleState = z.enum([
  'off',
  'connecting',
  'not_connected',
  'no_answer',
  'stable',
  'in_motion',
  'zero',
  'under_zero',
  'over_capacity',
  'needs_calibration',
  'needs_rezero',
  'busy',
  'fault',
]);
export type ScaleState = z.infer<typeof ScaleState>;

/** A weight as the scale shows it: may be 0 or negative (Weight is a parcel's, always more than 0). */
export const ScaleWeight = z.object({ value: z.number().finite(), unit: z.enum(['lb', 'kg', 'oz', 'g']) });
export type ScaleWeight = z.infer<typeof ScaleWeight>;

export const ScaleReading = z.object({
  state: ScaleState,
  /** true only for a settled weight (stable, or stable at zero). */
  stable: z.boolean(),
  weight: ScaleWeight.nullable(),
  /** What the screen says: "Scale not connected", "Scale over capacity — take the parcel off". */
  message: z.string(),
  /** ISO time of the reading. */
  at: z.string(),
});
export type ScaleReading = z.infer<typeof ScaleReading>;

/** The words for each state, a worker can act on. */
export const SCALE_STATE_WORDS: Record<ScaleState, string> = {
  off: 'No scale set up',
  connecting: 'Connecting to the scale…',
  not_connected: 'Scale not connected — check its cable and power',
  no_answer: 'Scale not answering — check its cable, and its interface settings in Settings',
  stable: 'Stable',
  in_motion: 'Settling…',
  zero: 'Scale empty',
  under_zero: 'Scale under zero — empty it and press its zero key',
  over_capacity: 'Scale over capacity — take the parcel off',
  needs_calibration: 'Scale needs calibration',
  needs_rezero: 'Scale needs re-zeroing — empty it and press its zero key',
  busy: 'Scale busy',
  fault: 'Scale fault',
};

/** A usable parcel weight: a stable reading above zero. */
export function stableParcelWeight(reading: ScaleReading | undefined | null): Weight | null {
  if (!reading || !reading.stable || reading.state !== 'stable' || !reading.weight || !(reading.weight.value > 0)) return null;
  const parsed = Weight.safeParse(reading.weight);
  return parsed.success ? parsed.data : null;
}

/** Refusal words when the weight is outside the station's limits, else null. */
export function weightOutsideLimits(weight: Weight, rules: Pick<ScaleSettings, 'minWeight' | 'maxWeight'>): string | null {
  if (rules.minWeight && gramsOf(weight) < gramsOf(rules.minWeight))
    return `${formatWeight(weight)} is under this station's lowest weight (${formatWeight(rules.minWeight)})`;
  if (rules.maxWeight && gramsOf(weight) > gramsOf(rules.maxWeight))
    return `${formatWeight(weight)} is over this station's highest weight (${formatWeight(rules.maxWeight)})`;
  return null;
}
