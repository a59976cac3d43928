import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../electron/station/providers/tiktok';
import { startFakeTikTok, type FakeTikTok } from './tiktok-server';

const APP_KEY = 'fakekey01';
const APP_SECRET = 'fakesecret0123456789';
const ORDER = '577000000000000042';

let fake: FakeTikTok;
let token: string;
beforeEach(async () => {
  fake = await startFakeTikTok({ appKey: APP_KEY, appSecret: APP_SECRET });
  fake.addOrder({ orderId: ORDER, lineItems: 2 });
  token = fake.issueTokens().accessToken;
});
afterEach(async () => {
  await fake.close();
});

/** A raw call, signed (or tampered with) by the test itself. */
async function call(
  method: 'GET' | 'POST',
  path: string,
  opts: { query?: Record<string, string>; body?: string; tamper?: (q: Record<string, string>) => void; accessToken?: string } = {},
) {
  const body = method === 'GET' ? '' : (opts.body ?? '{}');
  const query: Record<string, string> = {
    ...opts.query,
    app_key: APP_KEY,
    shop_cipher: fake.shopCipher,
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  query.sign = signRequest(APP_SECRET, path, query, body);
  opts.tamper?.(query);
  const url = `${fake.apiBaseUrl}${path}?${new URLSearchParams(query)}`;
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', 'x-tts-access-token': opts.accessToken ?? token },
    ...(method === 'GET' ? {} : { body }),
  });
  return { status: response.status, json: (await response.json()) as { code: number; message: string; data?: Record<string, unknown> } };
}

describe('fake TikTok Shop API', () => {
  it('answers a correctly signed call and refuses a bad signature, a stale timestamp, or a wrong token', async () => {
    expect((await call('GET', '/order/202309/orders', { query: { ids: ORDER } })).json.code).toBe(0);
    expect(
      (await call('GET', '/order/202309/orders', { query: { ids: ORDER }, tamper: (q) => (q.ids = '577000000000000043') })).json.code,
    ).toBe(106001);
    expect(
      (
        await call('GET', '/order/202309/orders', {
          query: { ids: ORDER },
          tamper: (q) => (q.timestamp = String(Math.floor(Date.now() / 1000) - 3600)),
        })
      ).json.code,
    ).toBe(106001);
    expect((await call('GET', '/order/202309/orders', { query: { ids: ORDER }, accessToken: 'TTP_nope' })).json.code).toBe(105001);
    fake.expireAccessToken();
    expect((await call('GET', '/order/202309/orders', { query: { ids: ORDER } })).json.code).toBe(105002);
  });

  it('signs the body of a POST and checks its fields strictly', async () => {
    const body = JSON.stringify({ order_id: ORDER, weight: { value: '1', unit: 'KG' } });
    const wrongUnit = await call('POST', '/fulfillment/202309/packages', { body });
    expect(wrongUnit.json.code).not.toBe(0);
    expect(wrongUnit.json.message).toMatch(/weight\.unit/);

    const good = JSON.stringify({ order_id: ORDER, weight: { value: '1', unit: 'POUND' } });
    const signedEmpty = await call('POST', '/fulfillment/202309/packages', {
      body: good,
      tamper: (q) => (q.sign = signRequest(APP_SECRET, '/fulfillment/202309/packages', { ...q, sign: '' }, '')),
    });
    expect(signedEmpty.json.code).toBe(106001);
    expect(fake.created).toHaveLength(0);

    const created = await call('POST', '/fulfillment/202309/packages', { body: good });
    expect(created.json.code).toBe(0);
    expect(fake.created).toHaveLength(1);
    const again = await call('POST', '/fulfillment/202309/packages', { body: good });
    expect(again.json.code).not.toBe(0);
    expect(fake.refusedDuplicates).toHaveLength(1);
  });

  it('serves the label as PDF, or PNG with SHIPPING_LABEL_PICTURE, and refuses ZPL outside BR/MX', async () => {
    const created = await call('POST', '/fulfillment/202309/packages', { body: JSON.stringify({ order_id: ORDER }) });
    const id = String(created.json.data!.package_id);
    const path = `/fulfillment/202309/packages/${id}/shipping_documents`;
    const pdf = await call('GET', path, { query: { document_type: 'SHIPPING_LABEL' } });
    const png = await call('GET', path, { query: { document_type: 'SHIPPING_LABEL_PICTURE' } });
    expect((await call('GET', path, { query: { document_type: 'SHIPPING_LABEL', document_format: 'ZPL' } })).json.code).not.toBe(0);
    const pdfBytes = Buffer.from(await (await fetch(String(pdf.json.data!.doc_url))).arrayBuffer());
    const pngBytes = Buffer.from(await (await fetch(String(png.json.data!.doc_url))).arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
