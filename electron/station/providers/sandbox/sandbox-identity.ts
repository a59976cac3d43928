/**
 * Deterministic identities for sandbox labels: the same order always gets the same tracking
 * number, and a label id can be turned back into its order ID (so a label can be re-rendered
 * after a restart).
 */
import { createHash } from 'node:crypto';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** "SBX" + 18 digits; plain ASCII, so Code 128 encodes it (and packs the digits as code set C). */
export function sandboxTrackingNumber(orderId: string, parcelIndex: number): string {
  const digest = sha256(`tracking|${orderId}|${parcelIndex}`);
  const value = BigInt(`0x${digest.subarray(0, 16).toString('hex')}`) % 10n ** 18n;
  return `SBX${value.toString().padStart(18, '0')}`;
}

/**
 * UUID-shaped id: 14 hex digits from hash(order, reference) followed by the 18-digit order ID
 * (digits are valid hex), laid out 8-4-4-4-12.
 */
export function sandboxLabelId(orderId: string, reference: string): string {
  const hex = sha256(`label|${orderId}|${reference}`).toString('hex').slice(0, 14) + orderId;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const LABEL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The order ID inside a sandbox label id, or null when the id is not one of ours. */
export function orderIdFromSandboxLabelId(id: string): string | null {
  if (!LABEL_ID.test(id)) return null;
  const orderId = id.replaceAll('-', '').slice(14);
  return /^\d{18}$/.test(orderId) ? orderId : null;
}

export const SANDBOX_URL_PREFIX = 'sandbox://labels/';

export function sandboxLabelUrl(id: string): string {
  return `${SANDBOX_URL_PREFIX}${id}.pdf`;
}

/** The label id in a sandbox:// URL, or null when the URL is not a sandbox label URL. */
export function sandboxLabelIdFromUrl(url: string): string | null {
  if (!url.startsWith(SANDBOX_URL_PREFIX) || !url.endsWith('.pdf')) return null;
  const id = url.slice(SANDBOX_URL_PREFIX.length, -'.pdf'.length);
  return LABEL_ID.test(id) ? id : null;
}

/** Picks an index in [0, count) from the order ID, stable across runs. */
export function pickIndexForOrder(orderId: string, count: number): number {
  return sha256(`recipient|${orderId}`).readUInt32BE(0) % count;
}
