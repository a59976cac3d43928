import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../support/pdf-text';
import {
  createTikTokProvider,
  exchangeAuthCode,
  parseAuthCode,
  type TikTokClientOptions,
  type TikTokTokens,
  type TikTokTokenStore,
} from '../../../../../electron/station/providers/tiktok';
import { ProviderError, type LabelRequest } from '../../../../../electron/station/providers/provider';
import { createTikTokOrderSource } from '../../../../../electron/station/orders/tiktok-order-source';
import { startFakeTikTok, type FakeTikTok } from '../../../../fakes/tiktok-server';

const APP_KEY = '6a1b2c3d4e5f6';
const APP_SECRET = 'secret_9f8e7d6c5b4a39281706aa';
const ORDER = '576477431806268482';
const ITEMS = ['576477431806260001', '576477431806260002', '576477431806260003'];

let fake: FakeTikTok;
let saved: TikTokTokens[];
let waits: number[];

beforeEach(async () => {
  fake = await startFakeTikTok({ appKey: APP_KEY, appSecret: APP_SECRET });
  fake.addOrder({
    orderId: ORDER,
    lineItems: ITEMS.map((id, i) => ({ id, sku: `MUG-${i + 1}`, name: 'Mug', skuName: ['Red', 'Blue', 'Green'][i] })),
  });
  saved = [];
  waits = [];
});
afterEach(async () => {
  await fake.close();
});

function memoryStore(initial?: TikTokTokens): TikTokTokenStore {
  let current = initial;
  return {
    load: () => current,
    save: (tokens) => {
      current = tokens;
      saved.push(tokens);
    },
  };
}

function authorizedStore(): TikTokTokenStore {
  const issued = fake.issueTokens();
  return memoryStore({ ...issued, shopName: issued.shopName });
}

function options(extra: Partial<TikTokClientOptions> = {}): TikTokClientOptions {
  return {
    apiBaseUrl: fake.apiBaseUrl,
    authBaseUrl: fake.authBaseUrl,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    shopCipher: fake.shopCipher,
    tokens: authorizedStore(),
    timeoutMs: 2_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  };
}

const box = (itemIds: string[]) => ({
  dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const },
  weight: { value: 1.5, unit: 'lb' as const },
  itemIds,
});
const request = (itemIds: string[] = [], orderId = ORDER): LabelRequest => ({
  orderId,
  parcels: [box(itemIds)],
  reference: `station-1:${orderId}:${itemIds.join('+') || 'all'}`,
  fileType: 'pdf',
  order: null,
});

/** The ProviderError a promise fails with; never one that shows a secret. */
async function failure(promise: Promise<unknown>, secrets: string[] = []): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  const e = error as ProviderError;
  for (const secret of [APP_SECRET, ...secrets]) expect(`${e.code} ${e.message} ${e.nextStep}`).not.toContain(secret);
  return e;
}

const apiCalls = () => fake.requests.filter((r) => r.host === 'api' && !r.path.startsWith('/files/'));
const creates = () => apiCalls().filter((r) => r.method === 'POST' && r.path.startsWith('/fulfillment/202309/packages?'));

async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPageTexts(bytes))[0]!.text;
}

describe('TikTok Shop authorization', () => {
  it('exchanges the one-time authorization code for tokens, once', async () => {
    const code = fake.issueAuthCode();
    const tokens = await exchangeAuthCode(
      { authBaseUrl: fake.authBaseUrl, appKey: APP_KEY, appSecret: APP_SECRET },
      parseAuthCode(`https://station.local/cb?code=${code}&state=x`),
    );
    expect(tokens.accessToken).toMatch(/^TTP_/);
    expect(Date.parse(tokens.accessTokenExpiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect(tokens.refreshTokenExpiresAt).not.toBeNull();
    expect(tokens.shopName).toBe('Fake TikTok Shop');
    const call = fake.requests.find((r) => r.host === 'auth')!;
    expect(call.method).toBe('GET');
    expect(call.path).toContain('/api/v2/token/get?');
    expect(call.path).toContain('grant_type=authorized_code');

    const again = await failure(exchangeAuthCode({ authBaseUrl: fake.authBaseUrl, appKey: APP_KEY, appSecret: APP_SECRET }, code), [code]);
    expect(again.code).toBe('tiktok_not_authorized');
    expect(again.nextStep).toMatch(/authorize the shop again in Settings/);
  });

  it('refreshes the access token before it expires and saves the new one', async () => {
    const issued = fake.issueTokens();
    const store = memoryStore({ ...issued, accessTokenExpiresAt: new Date(Date.now() + 2 * 60_000).toISOString() });
    const source = createTikTokOrderSource(options({ tokens: store }));
    const order = await source.lookup({ kind: 'tiktok', orderId: ORDER });
    expect(order?.orderId).toBe(ORDER);
    expect(fake.refreshes).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.accessToken).not.toBe(issued.accessToken);
    expect(apiCalls()[0]!.headers['x-tts-access-token']).toBe(saved[0]!.accessToken);
  });

  it('seeded with only a refresh token (fleet set-up), it refreshes first', async () => {
    const issued = fake.issueTokens();
    const store = memoryStore({
      accessToken: '',
      accessTokenExpiresAt: new Date(0).toISOString(),
      refreshToken: issued.refreshToken,
      refreshTokenExpiresAt: null,
      shopName: null,
    });
    await createTikTokOrderSource(options({ tokens: store })).lookup({ kind: 'tiktok', orderId: ORDER });
    expect(fake.refreshes).toBe(1);
    expect(saved[0]!.shopName).toBe('Fake TikTok Shop');
  });

  it('on 105002 (token expired early) refreshes and retries once, then gives up clearly', async () => {
    const source = createTikTokOrderSource(options());
    fake.expireAccessToken();
    expect((await source.lookup({ kind: 'tiktok', orderId: ORDER }))?.lineItems).toHaveLength(3);
    expect(fake.refreshes).toBe(1);
    expect(apiCalls()).toHaveLength(2);

    fake.failNext('token-expired', 2);
    const error = await failure(source.lookup({ kind: 'tiktok', orderId: ORDER }));
    expect(error.code).toBe('tiktok_not_authorized');
    expect(fake.refreshes).toBe(2);
  });

  it('106001: says the app key/secret do not match, and does not retry', async () => {
    const provider = createTikTokProvider(options({ appSecret: 'the-wrong-secret-1234' }));
    const error = await failure(provider.createLabel(request()), ['the-wrong-secret-1234']);
    expect(error.code).toBe('tiktok_bad_signature');
    expect(error.message).toMatch(/app key\/secret do not match/);
    expect(error.nextStep).toMatch(/Settings/);
    expect(error.ambiguous).toBe(false);
    expect(apiCalls()).toHaveLength(1);
    expect(fake.created).toHaveLength(0);
  });

  it('without any authorization, asks a supervisor to authorize and sends nothing', async () => {
    const error = await failure(createTikTokProvider(options({ tokens: memoryStore() })).createLabel(request()));
    expect(error.code).toBe('tiktok_not_authorized');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('TikTok Shop provider: buying a label', () => {
  it('signs every call, buys one package for the whole order and downloads a PDF with its tracking number', async () => {
    const provider = createTikTokProvider(options());
    expect(provider.capabilities).toEqual({ tracking: true, void: false, lookup: true, slow: false, boxesPerRequest: 'one' });
    const label = await provider.createLabel(request());

    expect(fake.created).toHaveLength(1);
    const pkg = fake.created[0]!;
    expect(pkg.lineItemIds).toEqual(ITEMS);
    expect(label).toEqual({
      providerLabelId: pkg.packageId,
      trackingNumbers: [pkg.trackingNumber],
      cost: null,
      labelUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/doc\//),
    });

    const body = creates()[0]!.body as Record<string, unknown>;
    expect(body).toEqual({
      order_id: ORDER,
      order_line_item_ids: ITEMS,
      weight: { value: '1.5', unit: 'POUND' },
      dimension: { length: '10', width: '8', height: '5', unit: 'INCH' },
    });
    for (const call of apiCalls()) {
      const query = new URL(call.path, 'http://x').searchParams;
      expect(query.get('app_key')).toBe(APP_KEY);
      expect(query.get('shop_cipher')).toBe(fake.shopCipher);
      expect(query.get('sign')).toMatch(/^[0-9a-f]{64}$/);
      expect(Math.abs(Number(query.get('timestamp')) - Date.now() / 1000)).toBeLessThan(60);
      expect(query.has('access_token')).toBe(false);
      expect(call.headers['x-tts-access-token']).toMatch(/^TTP_/);
      expect(call.headers['content-type']).toContain('application/json');
    }

    const bytes = await provider.downloadLabel(label.labelUrl);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect((await pdfText(bytes)).replace(/\s/g, '')).toContain(pkg.trackingNumber);
    const download = fake.requests.at(-1)!;
    expect(download.path).toMatch(/^\/files\/doc\//);
    expect(download.headers['x-tts-access-token']).toBeUndefined();
  });

  it('split: two boxes with their own items become two packages with exactly those line items', async () => {
    const provider = createTikTokProvider(options());
    const first = await provider.createLabel(request([ITEMS[0]!, ITEMS[2]!]));
    const second = await provider.createLabel(request([ITEMS[1]!]));
    expect(fake.createdFor(ORDER).map((c) => c.lineItemIds)).toEqual([[ITEMS[0], ITEMS[2]], [ITEMS[1]]]);
    expect(first.providerLabelId).not.toBe(second.providerLabelId);
    expect(first.trackingNumbers[0]).not.toBe(second.trackingNumbers[0]);
  });

  it('refuses several boxes in one request (one label per package) before buying anything', async () => {
    const provider = createTikTokProvider(options());
    const error = await failure(provider.createLabel({ ...request(), parcels: [box([ITEMS[0]!]), box([ITEMS[1]!])] }));
    expect(error.code).toBe('tiktok_one_package_per_label');
    expect(error.ambiguous).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a cancelled order before anything is created', async () => {
    fake.setOrderStatus(ORDER, 'CANCELLED');
    const error = await failure(createTikTokProvider(options()).createLabel(request()));
    expect(error.code).toBe('order_cancelled');
    expect(error.ambiguous).toBe(false);
    expect(error.message).toContain(ORDER);
    expect(creates()).toHaveLength(0);
    expect(fake.created).toHaveLength(0);
  });

  it('backs off on 36009002 (too many requests) and buys exactly once', async () => {
    fake.failNext('rate-limited', 3, 'create');
    const label = await createTikTokProvider(options()).createLabel(request());
    expect(fake.created).toHaveLength(1);
    expect(label.providerLabelId).toBe(fake.created[0]!.packageId);
    expect(creates()).toHaveLength(4);
    expect(waits).toHaveLength(3);
    expect(waits[2]!).toBeGreaterThan(waits[0]!);
  });

  it('a rate-limit storm ends in a clear, not-ambiguous error with nothing bought', async () => {
    fake.failNext('rate-limited', 50, 'create');
    const error = await failure(createTikTokProvider(options()).createLabel(request()));
    expect(error.code).toBe('tiktok_rate_limited');
    expect(error.ambiguous).toBe(false);
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(creates().length).toBeLessThanOrEqual(6);
    expect(fake.created).toHaveLength(0);
  });

  it('retries reads on 36009003 and 5xx, but reports a 5xx on the create as ambiguous', async () => {
    const provider = createTikTokProvider(options());
    fake.failNext('internal-error', 1, 'order');
    fake.failNext({ type: 'server-error', status: 503 }, 1, 'order');
    fake.failNext({ type: 'server-error', status: 502 }, 1, 'create');
    const error = await failure(provider.createLabel(request()));
    expect(error.ambiguous).toBe(true);
    expect(error.nextStep).toMatch(/Do not scan this order again/);
    expect(creates()).toHaveLength(1);
  });

  it('a create that never answers is ambiguous (timeout)', async () => {
    fake.failNext('hang', 1, 'create');
    const error = await failure(createTikTokProvider(options({ timeoutMs: 300 })).createLabel(request()));
    expect(error.code).toBe('tiktok_create_timeout');
    expect(error.ambiguous).toBe(true);
  });

  it('after a reset once the package was created, findLabel finds it and a second buy is refused', async () => {
    const provider = createTikTokProvider(options());
    fake.failNext('reset-after-create');
    const error = await failure(provider.createLabel(request([ITEMS[0]!])));
    expect(error.ambiguous).toBe(true);
    expect(fake.created).toHaveLength(1);

    const found = await provider.findLabel(request([ITEMS[0]!]));
    expect(found.state).toBe('found');
    if (found.state !== 'found') return;
    expect(found.label.providerLabelId).toBe(fake.created[0]!.packageId);
    expect(found.label.trackingNumbers).toEqual([fake.created[0]!.trackingNumber]);
    expect((await pdfText(await provider.downloadLabel(found.label.labelUrl))).replace(/\s/g, '')).toContain(
      fake.created[0]!.trackingNumber,
    );

    const again = await failure(provider.createLabel(request([ITEMS[0]!])));
    expect(again.code).toBe('tiktok_label_exists');
    expect(fake.created).toHaveLength(1);
    expect(fake.refusedDuplicates).toHaveLength(0);
  });

  it('findLabel: none for other items, and throws when TikTok cannot be read', async () => {
    const provider = createTikTokProvider(options());
    await provider.createLabel(request([ITEMS[0]!]));
    expect(await provider.findLabel(request([ITEMS[1]!]))).toEqual({ state: 'none' });
    expect(await provider.findLabel(request([ITEMS[0]!, ITEMS[1]!]))).toEqual({ state: 'none' });

    fake.failNext('server-error', 10, 'order');
    await failure(provider.findLabel(request([ITEMS[1]!])));
  });

  it('never shows the app secret or tokens, even when TikTok echoes them', async () => {
    const store = authorizedStore();
    const token = store.load()!.accessToken;
    fake.failNext({ type: 'business', code: 21011999, message: `bad request app_secret=${APP_SECRET} token=${token}` }, 1, 'create');
    const error = await failure(createTikTokProvider(options({ tokens: store })).createLabel(request()), [token]);
    expect(error.code).toBe('tiktok_refused');
    expect(error.message).toContain('[hidden]');
    expect(error.ambiguous).toBe(false);
  });
});

describe('TikTok Shop order source', () => {
  it('reads line items one per unit, with SKU and name, and knows a cancelled order', async () => {
    const source = createTikTokOrderSource(options());
    expect(source.accepts({ kind: 'tiktok', orderId: ORDER })).toBe(true);
    expect(source.accepts({ kind: 'shopify', orderName: '#1001' })).toBe(false);
    const order = await source.lookup({ kind: 'tiktok', orderId: ORDER });
    expect(order).toEqual({
      orderId: ORDER,
      displayName: null,
      source: 'tiktok',
      cancelled: false,
      status: 'AWAITING_SHIPMENT',
      lineItems: [
        { id: ITEMS[0], sku: 'MUG-1', name: 'Mug (Red)', quantity: 1 },
        { id: ITEMS[1], sku: 'MUG-2', name: 'Mug (Blue)', quantity: 1 },
        { id: ITEMS[2], sku: 'MUG-3', name: 'Mug (Green)', quantity: 1 },
      ],
    });
    fake.setOrderStatus(ORDER, 'CANCELLED');
    expect((await source.lookup({ kind: 'tiktok', orderId: ORDER }))?.cancelled).toBe(true);
    expect(await source.lookup({ kind: 'tiktok', orderId: '576000000000000001' })).toBeNull();
  });
});
