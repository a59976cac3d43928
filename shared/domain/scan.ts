/**
 * Scan resolution: turns what a barcode scanner typed into a TikTok Shop order ID,
 * or a message a packer can act on. Pure: no Node, no DOM.
 */
import type { PROBLEM_CODES } from '../errors';

export type ScanResolution =
  | { kind: 'tiktok'; orderId: string; warning?: string }
  /** A Shopify order number ("#1001"): an order source must look up its TikTok order ID. */
  | { kind: 'shopify'; orderName: string }
  | { kind: 'rejected'; code: ScanRejectCode; message: string; nextStep: string };

/** Why a scan is not an order ID: the scan room of the problem table. */
export type ScanRejectCode = (typeof PROBLEM_CODES.scan)[number];

const TIKTOK_PREFIXES = ['576', '577'];
const SCAN_AGAIN = 'Scan the TikTok order ID barcode on the packing slip (18 digits, starts with 576 or 577).';

/** Said when a Shopify order number cannot be looked up (no Shopify connection, not in the order file). */
export function shopifyNumberRejection(orderName: string, why: string): Extract<ScanResolution, { kind: 'rejected' }> {
  return reject(
    'shopify_order_number',
    `"${orderName}" looks like a Shopify order number, not a TikTok order ID. ${why}`,
    `TikTok refuses Shopify numbers. ${SCAN_AGAIN}`,
  );
}

/** Scanners may add control characters (GS, CR, TAB) and symbology prefixes; drop them. */
export function normalizeScan(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export function resolveScan(raw: string): ScanResolution {
  const scan = normalizeScan(raw);
  if (scan === '') {
    return reject('empty', 'Nothing was scanned.', SCAN_AGAIN);
  }
  const digits = scan.replace(/[\s-]/g, '');
  if (/^\d{18}$/.test(digits)) {
    const warning = TIKTOK_PREFIXES.some((p) => digits.startsWith(p))
      ? undefined
      : `Order ID ${digits} does not start with 576 or 577 like most TikTok orders. Check it matches the packing slip.`;
    return warning ? { kind: 'tiktok', orderId: digits, warning } : { kind: 'tiktok', orderId: digits };
  }
  if (/^#\d{1,10}$/.test(scan) || /^\d{1,8}$/.test(digits)) {
    return { kind: 'shopify', orderName: `#${digits.replace(/^#/, '')}` };
  }
  if (/^1Z[0-9A-Z]{16}$/i.test(scan) || /^(92|93|94|95)\d{20,24}$/.test(digits)) {
    return reject(
      'tracking_number',
      `"${scan}" looks like a tracking number from a shipping label, not an order ID.`,
      `To reprint that label, search for it in History. ${SCAN_AGAIN}`,
    );
  }
  if (/^\d+$/.test(digits)) {
    return reject(
      'wrong_length',
      `"${digits}" has ${digits.length} digits; a TikTok order ID has 18.`,
      `The barcode may be damaged or a digit was missed. ${SCAN_AGAIN}`,
    );
  }
  return reject('not_an_order_id', `"${truncate(scan)}" is not a TikTok order ID.`, SCAN_AGAIN);
}

function reject(code: ScanRejectCode, message: string, nextStep: string): Extract<ScanResolution, { kind: 'rejected' }> {
  return { kind: 'rejected', code, message, nextStep };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
