/** The TikTok Shop answer envelope `{ code, message, request_id, data }` and the codes the client acts on. */
import { z } from 'zod';

export const CODE_OK = 0;
/** The access token has expired: refresh it and try once more. */
export const CODE_TOKEN_EXPIRED = 105002;
/** The signature does not match: the app key and app secret are not a pair (or the clock is off). */
export const CODE_BAD_SIGNATURE = 106001;
/** Too many requests: back off; nothing was done. */
export const CODE_RATE_LIMITED = 36009002;
/** TikTok internal error: reads may be retried; a create may have happened. */
export const CODE_INTERNAL_ERROR = 36009003;

/** Other 105xxx codes: the access token is invalid or revoked; only a new authorization helps. */
export function isAuthorizationCode(code: number): boolean {
  return code >= 105000 && code < 106000 && code !== CODE_TOKEN_EXPIRED;
}

export const TikTokEnvelope = z.object({
  code: z.number().int(),
  message: z.string().nullish(),
  request_id: z.string().nullish(),
  data: z.unknown().optional(),
});
export type TikTokEnvelope = z.infer<typeof TikTokEnvelope>;

export function parseEnvelope(text: string): TikTokEnvelope | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = TikTokEnvelope.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** TikTok's own words, trimmed for a message shown to a worker. */
export function tiktokSays(envelope: TikTokEnvelope): string {
  const message = (envelope.message ?? '').trim().slice(0, 200);
  return message ? ` TikTok Shop says: ${message}${/[.!?]$/.test(message) ? '' : '.'}` : '';
}
