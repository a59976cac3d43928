/** AfterShip's answer envelope `{ meta: { code, message, details[] }, data }`, read with zod. */
import { z } from 'zod';

export const AfterShipMeta = z.object({
  code: z.number().int(),
  message: z.string().nullish(),
  details: z.array(z.union([z.object({ path: z.string().nullish(), info: z.string().nullish() }).loose(), z.string()])).nullish(),
  retryable: z.boolean().nullish(),
});
export type AfterShipMeta = z.infer<typeof AfterShipMeta>;

export const AfterShipEnvelope = z.object({ meta: AfterShipMeta, data: z.unknown().optional() });
export type AfterShipEnvelope = z.infer<typeof AfterShipEnvelope>;

/** Meta codes the station acts on. Business errors (4xxx) arrive with HTTP 200. */
export const META_OK = 200;
export const META_PENDING = 3001;

/** The envelope in a body, or null when the body is not one (HTML error page, empty, ...). */
export function parseEnvelope(text: string): AfterShipEnvelope | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = AfterShipEnvelope.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The `details` as plain sentences ("data.order_id is required; ..."), at most `max` chars. */
export function describeDetails(meta: AfterShipMeta, max = 300): string {
  const parts = (meta.details ?? [])
    .map((d) => (typeof d === 'string' ? d : d.info || d.path || ''))
    .map((s) => s.trim())
    .filter(Boolean);
  const text = parts.join('; ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
