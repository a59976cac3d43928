/**
 * The outbox's small rules: the signature header a WMS checks (and what it refuses), the retry
 * delays (growing, capped, jittered), the webhook address rule, and the carrier named to Shopify.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, signatureHeader, verifySignature } from '../../../../electron/station/outbox';
import { carrierOf } from '../../../../electron/station/outbox/tracking-carrier';
import { WebhookUrl } from '../../../../shared/domain/writeback';

const SECRET = 'whsec_unit_test_secret_0123';
const AT = new Date('2026-12-05T10:00:00Z');

describe('webhook signature', () => {
  it('is t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.body">, as a WMS recomputes it', () => {
    const body = '{"id":"evt_1","type":"label.bought"}';
    const header = signatureHeader(SECRET, body, AT);
    const t = AT.getTime() / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')}`);
    expect(verifySignature(header, body, SECRET, AT)).toBe(true);
  });

  it('refuses another body, another secret, an old timestamp and a malformed header', () => {
    const body = '{"id":"evt_1"}';
    const header = signatureHeader(SECRET, body, AT);
    expect(verifySignature(header, '{"id":"evt_2"}', SECRET, AT)).toBe(false);
    expect(verifySignature(header, body, 'whsec_another_secret_9876', AT)).toBe(false);
    expect(verifySignature(header, body, SECRET, new Date(AT.getTime() + 301_000))).toBe(false);
    expect(verifySignature('v1=abc', body, SECRET, AT)).toBe(false);
  });
});

describe('retry delays', () => {
  const timing = { baseDelayMs: 5_000, maxDelayMs: 600_000 };
  it('double each attempt within the jitter band, never beyond the cap', () => {
    expect(retryDelayMs(1, timing, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, timing, () => 1)).toBe(5_000);
    expect(retryDelayMs(3, timing, () => 1)).toBe(20_000);
    expect(retryDelayMs(40, timing, () => 1)).toBe(600_000);
    for (let attempt = 1; attempt < 20; attempt++) {
      const d = retryDelayMs(attempt, timing);
      const full = Math.min(600_000, 5_000 * 2 ** (attempt - 1));
      expect(d).toBeGreaterThanOrEqual(full / 2);
      expect(d).toBeLessThanOrEqual(full);
    }
  });
});

describe('webhook address', () => {
  it('takes https anywhere and plain http only to this computer', () => {
    expect(WebhookUrl.safeParse('https://wms.example.com/hooks').success).toBe(true);
    expect(WebhookUrl.safeParse('http://127.0.0.1:8080/hooks').success).toBe(true);
    expect(WebhookUrl.safeParse('http://wms.example.com/hooks').success).toBe(false);
    expect(WebhookUrl.safeParse('https://user:pw@wms.example.com/hooks').success).toBe(false);
    expect(WebhookUrl.safeParse('ftp://wms.example.com').success).toBe(false);
  });
});

describe('carrier of a tracking number', () => {
  it('names the well-known shapes and nothing else', () => {
    expect(carrierOf('1Z999AA10123456784')).toBe('UPS');
    expect(carrierOf('9234690394227200000002')).toBe('USPS');
    expect(carrierOf('794698234153')).toBe('FedEx');
    expect(carrierOf('SANDBOX-123')).toBeUndefined();
  });
});
