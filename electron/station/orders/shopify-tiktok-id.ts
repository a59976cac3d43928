/**
 * Where TikTok Shop sync tools put the TikTok order ID in a Shopify order, and the pure function
 * that finds it. Shopify's GraphQL `customAttributes` are REST's `note_attributes`.
 * Sources: AfterShip's TikTok Shipping API guide (FAQ "How to retrieve the TTS Order ID from the
 * Shopify order") and AfterShip Feed's "Customize order number format" (the order named after the
 * TikTok order ID, with an optional prefix and suffix).
 */

export interface ShopifyOrderFields {
  name: string;
  note: string | null;
  tags: string[];
  customAttributes: Array<{ key: string; value: string | null }>;
}

export type TikTokIdPlace = 'attribute' | 'tag' | 'note' | 'name';

export interface SyncToolRule {
  tool: string;
  place: TikTokIdPlace;
  /** Attribute key (matched case-insensitively, spaces collapsed), or a pattern with the ID in group 1. */
  match: string | RegExp;
}

/** In the order the station trusts them: a named attribute first, the order name last. */
export const SYNC_TOOL_RULES: readonly SyncToolRule[] = [
  // AfterShip Feed (guide, step 1) and ShopeDance ("TikTok Shop order number") use the same key.
  { tool: 'AfterShip Feed or ShopeDance', place: 'attribute', match: 'TikTok Shop Order Number' },
  { tool: 'AfterShip Feed', place: 'attribute', match: 'TikTok Order Number' },
  { tool: 'SKUIQ', place: 'attribute', match: 'TikTok Shop Order ID' },
  { tool: 'SILK', place: 'attribute', match: 'TTS order number' },
  { tool: 'TikTok 1P', place: 'tag', match: /^TikTokOrderID:\s*(\d{18})$/i },
  { tool: 'CEDCommerce', place: 'note', match: /Source Order ID:\s*(\d{18})(?!\d)/i },
  // Feed's default order names leave the TikTok ID "under the Notes section".
  { tool: 'AfterShip Feed', place: 'note', match: /TikTok(?: Shop)? Order (?:Number|ID|No\.?)\s*[:#]?\s*(\d{18})(?!\d)/i },
  // Feed's "Use TikTok Shop order ID" naming: "#576…", or with a prefix/suffix such as "TT576…-US".
  { tool: 'AfterShip Feed (order name)', place: 'name', match: /(?:^|\D)(\d{18})(?!\d)/ },
];

export interface FoundTikTokId {
  orderId: string;
  tool: string;
  place: TikTokIdPlace;
}

const TIKTOK_ID = /^\d{18}$/;

export function extractTikTokOrderId(order: ShopifyOrderFields): FoundTikTokId | null {
  for (const rule of SYNC_TOOL_RULES) {
    const orderId = findWithRule(order, rule);
    if (orderId) return { orderId, tool: rule.tool, place: rule.place };
  }
  return fromUnknownAttribute(order);
}

function findWithRule(order: ShopifyOrderFields, rule: SyncToolRule): string | null {
  switch (rule.place) {
    case 'attribute': {
      const key = normalizeKey(rule.match as string);
      const attribute = order.customAttributes.find((a) => normalizeKey(a.key) === key);
      return attribute ? idInValue(attribute.value) : null;
    }
    case 'tag':
      for (const tag of order.tags) {
        const id = (rule.match as RegExp).exec(tag.trim())?.[1];
        if (id) return id;
      }
      return null;
    case 'note':
      return (order.note && (rule.match as RegExp).exec(order.note)?.[1]) || null;
    case 'name':
      return (rule.match as RegExp).exec(order.name)?.[1] ?? null;
  }
}

/** Another tool's attribute, such as "TikTok Order ID" or "TTS Order No": a TikTok-ish key with an 18-digit value. */
function fromUnknownAttribute(order: ShopifyOrderFields): FoundTikTokId | null {
  for (const attribute of order.customAttributes) {
    const key = normalizeKey(attribute.key);
    if (!/(tik ?tok|tts)/.test(key) || !/order/.test(key)) continue;
    const orderId = idInValue(attribute.value);
    if (orderId) return { orderId, tool: 'another sync tool', place: 'attribute' };
  }
  return null;
}

function normalizeKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The value's 18-digit ID, tolerating spaces, a leading # or quote from spreadsheets. */
function idInValue(value: string | null): string | null {
  const digits = (value ?? '').trim().replace(/^['#]/, '').replace(/\s+/g, '');
  return TIKTOK_ID.test(digits) ? digits : null;
}
