/**
 * The webhook signature, in the shape Stripe made familiar:
 *   Label-Station-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${raw body}` with the webhook's secret>
 * A receiver recomputes v1 over the raw body, compares in constant time and refuses an old `t`
 * (replays). `v1` names the scheme, so a later one can be sent beside it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Label-Station-Signature';

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

/** True when `header` signs `body` with `secret` and is at most `toleranceSeconds` old. */
export function verifySignature(header: string, body: string, secret: string, now: Date, toleranceSeconds = 300): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(hmac(secret, `${t}.${body}`), 'hex'));
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}
