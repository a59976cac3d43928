/** The `data` of GET /labels: one page of labels and the token of the next page. */
import { z } from 'zod';

export const AfterShipLabelPage = z.object({
  labels: z.array(z.unknown()).nullish(),
  next_token: z.string().nullish(),
  limit: z.union([z.number(), z.string()]).nullish(),
  created_at_min: z.string().nullish(),
  created_at_max: z.string().nullish(),
});
export type AfterShipLabelPage = z.infer<typeof AfterShipLabelPage>;

/** The references of a raw label entry, read without trusting the rest of it. */
export function referencesOf(raw: unknown): string[] {
  const refs = (raw as { references?: unknown } | null | undefined)?.references;
  return Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
}

/** AfterShip's date filter format: YYYY-MM-DDTHH:MM:SSZ (no milliseconds). */
export function afterShipDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
