/**
 * Product pictures for the splitter. The renderer's content security policy lets no remote image
 * in, so the station fetches a line item's picture and hands it over as a `data:` URL. Only
 * addresses an order source gave for an order the station loaded are ever fetched (the renderer
 * names an order and a line item, never an address), over https (plain http for loopback test
 * servers only), small, bounded in time, and only real PNG/JPEG/GIF/WebP bytes. Pictures and
 * failures are kept in memory; a picture that cannot be had is simply not shown.
 */
import type { OrderDetails } from '../../../shared/domain/orders';

export interface ItemPictureOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** How many loaded orders' picture addresses are remembered. */
  maxOrders?: number;
  /** How many pictures (or failures) are kept. */
  maxPictures?: number;
  /** A failed picture is not asked for again before this. */
  retryAfterMs?: number;
  now?: () => number;
}

const MIME_BY_SIGNATURE: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
];

type Kept = { picture: string } | { failedAt: number };

export class ItemPictures {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxOrders: number;
  private readonly maxPictures: number;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  /** orderId -> lineItemId -> address; insertion order = least recently loaded first. */
  private readonly addresses = new Map<string, Map<string, string>>();
  private readonly kept = new Map<string, Kept>();
  private readonly pending = new Map<string, Promise<string | null>>();

  constructor(opts: ItemPictureOptions = {}) {
    this.fetch = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.maxBytes = opts.maxBytes ?? 1_000_000;
    this.maxOrders = opts.maxOrders ?? 50;
    this.maxPictures = opts.maxPictures ?? 500;
    this.retryAfterMs = opts.retryAfterMs ?? 5 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** Remembers the picture addresses of an order an order source just gave the station. */
  remember(order: OrderDetails): void {
    const byItem = new Map<string, string>();
    for (const item of order.lineItems) if (item.imageUrl && fetchable(item.imageUrl)) byItem.set(item.id, item.imageUrl);
    this.addresses.delete(order.orderId);
    if (byItem.size === 0) return;
    this.addresses.set(order.orderId, byItem);
    while (this.addresses.size > this.maxOrders) this.addresses.delete(this.addresses.keys().next().value!);
  }

  /** The picture of a line item of a loaded order as a `data:` URL, or null (none, unknown, failed). */
  async picture(orderId: string, lineItemId: string): Promise<string | null> {
    const url = this.addresses.get(orderId)?.get(lineItemId);
    if (!url) return null;
    const kept = this.kept.get(url);
    if (kept && 'picture' in kept) return kept.picture;
    if (kept && this.now() - kept.failedAt < this.retryAfterMs) return null;
    const running = this.pending.get(url);
    if (running) return running;
    const fetching = this.download(url).finally(() => this.pending.delete(url));
    this.pending.set(url, fetching);
    return fetching;
  }

  private async download(url: string): Promise<string | null> {
    const bytes = await this.read(url).catch(() => null);
    const mime = bytes ? imageType(bytes) : null;
    this.keep(url, bytes && mime ? { picture: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}` } : { failedAt: this.now() });
    const kept = this.kept.get(url)!;
    return 'picture' in kept ? kept.picture : null;
  }

  /** The body, or null when it is not a 200 or is larger than allowed; reading stops at the limit. */
  private async read(url: string): Promise<Uint8Array | null> {
    const response = await this.fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    if (Number(response.headers.get('content-length') ?? '0') > this.maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return null;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }

  private keep(url: string, value: Kept): void {
    this.kept.delete(url);
    this.kept.set(url, value);
    while (this.kept.size > this.maxPictures) this.kept.delete(this.kept.keys().next().value!);
  }
}

/** https anywhere; plain http only to this machine (the tests' servers). */
function fetchable(address: string): boolean {
  try {
    const url = new URL(address);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

function imageType(bytes: Uint8Array): string | null {
  for (const [signature, mime] of MIME_BY_SIGNATURE) if (signature.every((b, i) => bytes[i] === b)) return mime;
  const riff = String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
  return riff ? 'image/webp' : null;
}
