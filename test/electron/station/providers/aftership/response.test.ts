import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAfterShipProvider } from '../../../../../electron/station/providers/aftership';
import { ProviderError, type LabelRequest } from '../../../../../electron/station/providers/provider';

const guideResponse = JSON.parse(
  readFileSync(new URL('../../../../fixtures/aftership/guide-create-label-response.json', import.meta.url), 'utf8'),
);
const KEY = 'unit-test-key-123456';
const request: LabelRequest = {
  orderId: '576477431806268482',
  parcels: [{ dimension: { width: 8, height: 5, depth: 10, unit: 'in' }, weight: { value: 1.5, unit: 'lb' }, itemIds: [] }],
  reference: 'st:1',
  fileType: 'pdf',
  order: null,
};

/** A fetch that answers every call with the given status and body. */
function answering(status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): typeof fetch {
  return async () => new Response(body, { status, headers });
}

function create(fetchImpl: typeof fetch) {
  return createAfterShipProvider({ baseUrl: 'https://api.aftership.com/postmen/v3/', apiKey: KEY, fetch: fetchImpl }).createLabel(request);
}

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('reading AfterShip answers', () => {
  it('maps the documented TikTok label response', async () => {
    const label = await create(answering(200, JSON.stringify(guideResponse)));
    expect(label).toEqual({
      providerLabelId: '6ade72e9-ec99-45a5-908e-187eb7488db6',
      trackingNumbers: ['9234690394227201263806'],
      cost: { amount: 6.66, currency: 'USD' },
      labelUrl: guideResponse.data.files.label.url,
    });
  });

  it('posts to {baseUrl}/labels without a doubled slash', async () => {
    const urls: string[] = [];
    await create(async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify(guideResponse), { status: 200 });
    });
    expect(urls).toEqual(['https://api.aftership.com/postmen/v3/labels']);
  });

  it('treats a "created" answer without a label file as ambiguous, naming the label', async () => {
    const broken = structuredClone(guideResponse);
    broken.data.files.label = null;
    const error = await failureOf(create(answering(200, JSON.stringify(broken))));
    expect(error.ambiguous).toBe(true);
    expect(error.message).toContain('6ade72e9-ec99-45a5-908e-187eb7488db6');
  });

  it('treats an unreadable HTTP 200 as ambiguous', async () => {
    const error = await failureOf(create(answering(200, '<html>gateway</html>', { 'content-type': 'text/html' })));
    expect(error.ambiguous).toBe(true);
  });

  it('treats a 404 page (wrong address in Settings) as not bought', async () => {
    const error = await failureOf(create(answering(404, 'Not Found', { 'content-type': 'text/plain' })));
    expect(error.code).toBe('aftership_wrong_address');
    expect(error.ambiguous).toBe(false);
  });

  it('treats a 3001 answer without a label id as ambiguous (nothing to poll)', async () => {
    const error = await failureOf(create(answering(200, JSON.stringify({ meta: { code: 3001, message: 'processing' }, data: {} }))));
    expect(error.ambiguous).toBe(true);
  });

  it('treats a connection reset (undici "other side closed") as ambiguous', async () => {
    const reset: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    };
    const error = await failureOf(create(reset));
    expect(error.ambiguous).toBe(true);
    expect(error.code).toBe('aftership_connection_lost');
  });

  it('treats refused IPv4 and IPv6 attempts (AggregateError) as unreachable, not ambiguous', async () => {
    const refused: typeof fetch = async () => {
      const inner = [
        Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' }),
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
      ];
      throw new TypeError('fetch failed', { cause: Object.assign(new AggregateError(inner), { code: 'ECONNREFUSED' }) });
    };
    const error = await failureOf(create(refused));
    expect(error.ambiguous).toBe(false);
    expect(error.code).toBe('aftership_unreachable');
  });

  it('treats an unexpected exception from fetch as ambiguous', async () => {
    const odd: typeof fetch = async () => {
      throw new Error('something odd');
    };
    expect((await failureOf(create(odd))).ambiguous).toBe(true);
  });
});
