import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAfterShipProvider, type AfterShipProviderOptions } from '../../../../../electron/station/providers/aftership';
import { ProviderError, type LabelProvider, type LabelRequest } from '../../../../../electron/station/providers/provider';
import { startFakeAfterShip, type FakeAfterShip, type FakeFault } from '../../../../fakes/aftership-server';

const KEY = 'asat_test_9f8e7d6c5b4a39281706';
const ORDER = '576477431806268482';
const request: LabelRequest = {
  orderId: ORDER,
  parcels: [{ dimension: { width: 8, height: 5, depth: 10, unit: 'in' }, weight: { value: 1.5, unit: 'lb' }, itemIds: [] }],
  reference: `station-1:${ORDER}:1`,
  fileType: 'pdf',
  order: null,
};

let fake: FakeAfterShip;
beforeEach(async () => {
  fake = await startFakeAfterShip({ apiKey: KEY });
});
afterEach(async () => {
  await fake.close();
});

/** Waits nothing, but records what the provider asked to wait (and still honours a cancel). */
function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number, signal?: AbortSignal) => {
    if (signal?.aborted) throw new Error('cancelled');
    waits.push(ms);
  };
  return { waits, sleep };
}

function provider(extra: Partial<AfterShipProviderOptions> = {}): LabelProvider {
  return createAfterShipProvider({
    baseUrl: fake.baseUrl,
    apiKey: KEY,
    pollIntervalMs: 20,
    timeoutMs: 2_000,
    downloadBackoffMs: 10,
    sleep: recordingSleep().sleep,
    ...extra,
  });
}

const ITEMS = [
  { id: '577000000000000101', sku: 'MUG-RED', name: 'Red mug', quantity: 1 },
  { id: '577000000000000102', sku: 'MUG-BLUE', name: 'Blue mug', quantity: 2 },
  { id: '577000000000000103', sku: '', name: '', quantity: 1 },
];
const order = {
  orderId: ORDER,
  displayName: null,
  source: 'tiktok' as const,
  cancelled: false,
  status: 'AWAITING_SHIPMENT',
  lineItems: ITEMS,
};
const box = (itemIds: string[]) => ({
  dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const },
  weight: { value: 1.5, unit: 'lb' as const },
  itemIds,
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  const providerError = error as ProviderError;
  expect(`${providerError.message} ${providerError.nextStep} ${providerError.code}`).not.toContain(KEY);
  return providerError;
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');

describe('AfterShip provider: buying a label', () => {
  it('sends the TikTok label request with the API key and the documented fields', async () => {
    await provider().createLabel(request);
    expect(posts()).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/postmen/v3/labels');
    expect(sent.headers['as-api-key']).toBe(KEY);
    expect(sent.headers['content-type']).toMatch(/^application\/json/);
    expect(sent.body).toEqual({
      service_type: 'tiktok-shipping_standard_shipping',
      order_id: ORDER,
      paper_size: '4x6',
      file_type: 'pdf',
      references: [`station-1:${ORDER}:1`],
      shipment: {
        parcels: [{ box_type: 'custom', dimension: { width: 8, height: 5, depth: 10, unit: 'in' }, weight: { value: 1.5, unit: 'lb' } }],
      },
    });
  });

  it('returns the label AfterShip created: id, tracking numbers, cost and file URL', async () => {
    const label = await provider().createLabel(request);
    expect(fake.created).toHaveLength(1);
    const created = fake.created[0]!;
    expect(created.orderId).toBe(ORDER);
    expect(label.providerLabelId).toBe(created.id);
    expect(label.trackingNumbers).toEqual(created.trackingNumbers);
    expect(label.cost).toEqual({ amount: 6.66, currency: 'USD' });
    expect(label.labelUrl).toMatch(new RegExp(`^${new URL(fake.baseUrl).origin}/files/label/.+\\.pdf$`));
  });

  it('names the shipper account and service type from Settings, and asks for ZPL when the printer wants it', async () => {
    const account = '054194464b8d47c6a935f1a16d5844de';
    await provider({ shipperAccountId: account }).createLabel({ ...request, fileType: 'zpl' });
    expect(posts()[0]!.body).toMatchObject({
      shipper_account: { id: account },
      file_type: 'zpl',
      service_type: 'tiktok-shipping_standard_shipping',
    });
    await provider({ shipperAccountId: '', serviceType: 'tiktok-shipping_economy_shipping' })
      .createLabel(request)
      .catch(() => undefined);
    expect(posts()[1]!.body).not.toHaveProperty('shipper_account');
    expect(posts()[1]!.body).toMatchObject({ service_type: 'tiktok-shipping_economy_shipping' });
  });

  it('an unknown shipper account is refused by AfterShip (4140) and nothing is bought', async () => {
    const error = await failure(provider({ shipperAccountId: 'not-our-account' }).createLabel(request));
    expect(error.code).toBe('aftership_shipper_account_missing');
    expect(error.message).toContain('shipper account not-our-account not found');
    expect(fake.created).toHaveLength(0);
  });

  it('sends the line items of each box of a split shipment, described from the order', async () => {
    const label = await provider().createLabel({ ...request, parcels: [box([ITEMS[0]!.id, ITEMS[1]!.id]), box([ITEMS[2]!.id])], order });
    expect(label.trackingNumbers).toHaveLength(2);
    const parcels = (posts()[0]!.body as { shipment: { parcels: Array<{ items?: unknown[] }> } }).shipment.parcels;
    expect(parcels.map((p) => p.items)).toEqual([
      [
        { item_id: ITEMS[0]!.id, description: 'Red mug', quantity: 1, sku: 'MUG-RED' },
        { item_id: ITEMS[1]!.id, description: 'Blue mug', quantity: 2, sku: 'MUG-BLUE' },
      ],
      [{ item_id: ITEMS[2]!.id, description: `TikTok order line item ${ITEMS[2]!.id}`, quantity: 1 }],
    ]);
  });

  it('refuses a split shipment with a box that has no items, or an item in two boxes, before sending', async () => {
    const empty = await failure(provider().createLabel({ ...request, parcels: [box([ITEMS[0]!.id]), box([])], order }));
    expect(empty.code).toBe('split_without_items');
    expect(empty.message).toMatch(/Box 2 of 2 has no items/);
    const twice = await failure(provider().createLabel({ ...request, parcels: [box([ITEMS[0]!.id]), box([ITEMS[0]!.id])], order }));
    expect(twice.message).toMatch(/in two boxes/);
    expect(empty.ambiguous || twice.ambiguous).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a bad request before sending anything', async () => {
    const error = await failure(provider().createLabel({ ...request, orderId: '#1001' }));
    expect(error.ambiguous).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('AfterShip provider: business errors (HTTP 200, meta 4xxx)', () => {
  const cases: Array<[number, string, RegExp]> = [
    [4104, 'aftership_bad_request', /invalid/i],
    [4140, 'aftership_shipper_account_missing', /no TikTok Shipping account/],
    [4153, 'aftership_order_not_found', /could not find this order/],
    [4713, 'aftership_rate_failed', /could not price/],
    [4715, 'aftership_courier_error', /carrier/],
    [4801, 'aftership_duplicate_order', /already exists/],
    [4802, 'aftership_service_unavailable', /not available/],
    [4803, 'aftership_service_unavailable', /not available/],
  ];
  it.each(cases)('meta %i is a refusal the packer can act on, and nothing is bought', async (code, expectedCode, wording) => {
    fake.failNext({ type: 'business', code, details: [{ path: 'data.order_id', info: 'data.order_id is not awaiting shipment' }] });
    const error = await failure(provider().createLabel(request));
    expect(error.code).toBe(expectedCode);
    expect(error.ambiguous).toBe(false);
    expect(error.message).toMatch(wording);
    expect(error.message).toContain('data.order_id is not awaiting shipment');
    expect(error.nextStep.length).toBeGreaterThan(10);
    expect(fake.created).toHaveLength(0);
  });

  it('never repeats the API key even when AfterShip echoes it back', async () => {
    fake.failNext({ type: 'business', code: 4104, details: [{ path: 'headers', info: `unknown key ${KEY}` }] });
    const error = await failure(provider().createLabel(request));
    expect(error.message).toContain('[hidden]');
  });
});

describe('AfterShip provider: HTTP and network failures', () => {
  it('a wrong key is refused with the Settings next step', async () => {
    const error = await failure(createAfterShipProvider({ baseUrl: fake.baseUrl, apiKey: 'wrong-key' }).createLabel(request));
    expect(error.code).toBe('aftership_unauthorized');
    expect(error.message).toMatch(/AfterShip refused the API key/);
    expect(error.nextStep).toMatch(/check the API key in Settings and that the TikTok shop is connected to AfterShip/i);
    expect(error.ambiguous).toBe(false);
  });

  it('a scripted 401 is refused the same way', async () => {
    fake.failNext('unauthorized');
    const error = await failure(provider().createLabel(request));
    expect(error.code).toBe('aftership_unauthorized');
  });

  it.each([
    ['X-RateLimit-Reset', 'epoch' as const],
    ['RateLimit-Reset', 'delta' as const],
    ['x-ratelimit-reset', 'delta' as const],
  ])('a 429 with %s (%s) is waited out and the create sent again: one label', async (header, style) => {
    const clock = recordingSleep();
    fake.failNext({ type: 'rate-limited', header, style, resetSeconds: 3 });
    const label = await provider({ sleep: clock.sleep }).createLabel(request);
    expect(posts()).toHaveLength(2);
    expect(fake.created.map((c) => c.id)).toEqual([label.providerLabelId]);
    const resetWait = Math.max(...clock.waits);
    expect(resetWait).toBeGreaterThanOrEqual(style === 'epoch' ? 2_000 : 3_000);
    expect(resetWait).toBeLessThanOrEqual(4_000);
  });

  it('a 429 storm longer than the bounded retries ends as "rate limited", not ambiguous, nothing bought', async () => {
    fake.rateLimitStorm(10);
    const error = await failure(provider().createLabel(request));
    expect(error.code).toBe('aftership_rate_limited');
    expect(error.ambiguous).toBe(false);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(posts()).toHaveLength(4);
    expect(fake.created).toHaveLength(0);
  });

  it('does not wait out resets beyond two minutes in total', async () => {
    fake.failNext({ type: 'rate-limited', style: 'delta', resetSeconds: 100 }, 2);
    const error = await failure(provider().createLabel(request));
    expect(error.code).toBe('aftership_rate_limited');
    expect(posts()).toHaveLength(2);
  });

  it('cancelling while waiting out a 429 stops at once and says nothing was bought', async () => {
    fake.failNext({ type: 'rate-limited', style: 'delta', resetSeconds: 60 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(
      createAfterShipProvider({ baseUrl: fake.baseUrl, apiKey: KEY, rateLimiter: { take: async () => {}, holdFor: () => 0 } }).createLabel(
        request,
        controller.signal,
      ),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.ambiguous).toBe(false);
    expect(error.message).toMatch(/nothing was bought/);
    expect(fake.created).toHaveLength(0);
  });

  it('keeps every account under 10 requests per second, across provider instances', async () => {
    const strict = await startFakeAfterShip({ apiKey: KEY, rateLimitPerSecond: 10 });
    try {
      const a = createAfterShipProvider({ baseUrl: strict.baseUrl, apiKey: KEY });
      const b = createAfterShipProvider({ baseUrl: strict.baseUrl, apiKey: KEY });
      const orders = Array.from({ length: 14 }, (_, i) => `5764774318062684${String(i).padStart(2, '0')}`);
      const started = performance.now();
      const labels = await Promise.all(
        orders.map((orderId, i) => (i % 2 ? a : b).createLabel({ ...request, orderId, reference: `r-${orderId}` })),
      );
      expect(labels).toHaveLength(14);
      expect(strict.rateLimitedCount).toBe(0);
      expect(strict.created).toHaveLength(14);
      expect(performance.now() - started).toBeGreaterThan(1_000);
    } finally {
      await strict.close();
    }
  });

  it.each([500, 503])('HTTP %i on create is ambiguous and is not retried', async (status) => {
    fake.failNext({ type: 'server-error', status }, 3);
    const error = await failure(provider().createLabel(request));
    expect(error.ambiguous).toBe(true);
    expect(error.code).toBe('aftership_server_error');
    expect(posts()).toHaveLength(1);
  });

  it('no answer in time is ambiguous', async () => {
    fake.failNext('hang');
    const started = performance.now();
    const error = await failure(provider({ timeoutMs: 300 }).createLabel(request));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.code).toBe('aftership_no_answer');
    expect(error.ambiguous).toBe(true);
  });

  it('a 5xx after AfterShip created the label is ambiguous and is not retried (the label does exist)', async () => {
    fake.failNext('server-error-after-create');
    const error = await failure(provider().createLabel(request));
    expect(error.ambiguous).toBe(true);
    expect(fake.created).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('a connection reset after AfterShip created the label is ambiguous (and the label does exist)', async () => {
    fake.failNext('reset-after-create');
    const error = await failure(provider().createLabel(request));
    expect(error.ambiguous).toBe(true);
    expect(error.code).toBe('aftership_connection_lost');
    expect(fake.created).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('cancelling while AfterShip is answering is ambiguous; cancelling before sending is not', async () => {
    fake.failNext('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const inFlight = await failure(provider().createLabel(request, controller.signal));
    expect(inFlight.ambiguous).toBe(true);

    const before = await failure(provider().createLabel(request, AbortSignal.abort()));
    expect(before.ambiguous).toBe(false);
    expect(posts()).toHaveLength(1);
  });

  it('a refused connection is not ambiguous and points at the internet connection', async () => {
    const closed = await startFakeAfterShip({ apiKey: KEY });
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await failure(createAfterShipProvider({ baseUrl, apiKey: KEY, timeoutMs: 2_000 }).createLabel(request));
    expect(error.code).toBe('aftership_unreachable');
    expect(error.ambiguous).toBe(false);
    expect(error.message).toMatch(/cannot reach AfterShip/i);
    expect(error.nextStep).toMatch(/internet connection/);
  });

  it('a DNS failure is not ambiguous', async () => {
    const dnsFailure: typeof fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.aftership.com'), { code: 'ENOTFOUND' }),
      });
    };
    const error = await failure(createAfterShipProvider({ apiKey: KEY, fetch: dnsFailure }).createLabel(request));
    expect(error.code).toBe('aftership_unreachable');
    expect(error.ambiguous).toBe(false);
  });

  it('no error of any kind mentions the API key', async () => {
    const faults: FakeFault[] = [
      'unauthorized',
      'server-error',
      'server-error-after-create',
      'reset-after-create',
      { type: 'business', code: 4140 },
    ];
    for (const fault of faults) {
      fake.failNext(fault);
      await failure(provider().createLabel(request));
    }
    expect(posts()).toHaveLength(faults.length);
  });
});

describe('AfterShip provider: pending labels (meta 3001)', () => {
  it('polls GET /labels/{id} with the key until the label is created', async () => {
    fake.failNext({ type: 'pending', pollsUntilReady: 3 });
    const label = await provider().createLabel(request);
    expect(label.trackingNumbers).toEqual(fake.created[0]!.trackingNumbers);
    expect(label.trackingNumbers.length).toBe(1);
    const polls = fake.requests.filter((r) => r.method === 'GET');
    expect(polls).toHaveLength(3);
    expect(polls.every((r) => r.path === `/postmen/v3/labels/${label.providerLabelId}` && r.headers['as-api-key'] === KEY)).toBe(true);
    expect(posts()).toHaveLength(1);
  });

  it('reports a label that ends up failed as a refusal (not ambiguous)', async () => {
    fake.failNext({ type: 'pending', pollsUntilReady: 1, outcome: 'failed' });
    const error = await failure(provider().createLabel(request));
    expect(error.code).toBe('aftership_label_failed');
    expect(error.ambiguous).toBe(false);
    expect(error.message).toMatch(/not awaiting shipment/);
  });

  it('gives up after a bounded number of polls, as ambiguous, naming the label', async () => {
    fake.failNext({ type: 'pending', pollsUntilReady: 50 });
    const error = await failure(provider({ maxPolls: 4 }).createLabel(request));
    expect(error.code).toBe('aftership_still_creating');
    expect(error.ambiguous).toBe(true);
    expect(error.message).toContain(fake.created[0]!.id);
    expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
  });

  it('keeps polling through a 503 while waiting', async () => {
    fake.failNext({ type: 'pending', pollsUntilReady: 1 });
    fake.failNext({ type: 'server-error', status: 503 });
    const label = await provider().createLabel(request);
    expect(label.providerLabelId).toBe(fake.created[0]!.id);
  });
});

describe('AfterShip provider: downloading the label file', () => {
  it('downloads the PDF without sending the API key', async () => {
    const p = provider();
    const label = await p.createLabel(request);
    const bytes = await p.downloadLabel(label.labelUrl);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const download = fake.requests.find((r) => r.path.startsWith('/files/'))!;
    expect(download.method).toBe('GET');
    expect(download.headers['as-api-key']).toBeUndefined();
    expect(JSON.stringify(download.headers)).not.toContain(KEY);
  });

  it('downloads a ZPL label as it is', async () => {
    fake.setLabelFormat('zpl');
    const p = provider();
    const label = await p.createLabel(request);
    const bytes = await p.downloadLabel(label.labelUrl);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/^\^XA[\s\S]*\^BC[\s\S]*\^XZ$/);
    expect(Buffer.from(bytes).toString('latin1')).toContain(label.trackingNumbers[0]);
  });

  it('retries a download through 5xx and a dropped connection', async () => {
    const p = provider();
    const label = await p.createLabel(request);
    fake.failNext({ type: 'server-error', status: 503 }, 1, 'files');
    fake.failNext('reset', 1, 'files');
    const bytes = await p.downloadLabel(label.labelUrl);
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(fake.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(3);
  });

  it('gives up after bounded tries, and a 404 is not retried', async () => {
    const p = provider({ downloadAttempts: 2 });
    const label = await p.createLabel(request);
    fake.failNext('server-error', 2, 'files');
    const tired = await failure(p.downloadLabel(label.labelUrl));
    expect(tired.code).toBe('label_download_failed');
    expect(fake.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(2);

    const missing = await failure(p.downloadLabel(label.labelUrl.replace(/[0-9a-f-]+\.pdf$/, '00000000-0000-0000-0000-000000000000.pdf')));
    expect(missing.message).toMatch(/HTTP 404/);
    expect(fake.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(3);
  });
});
