import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAuthCode, signRequest, tiktokAuthorizeUrl } from '../../../../../electron/station/providers/tiktok';
import { ProviderError } from '../../../../../electron/station/providers/provider';
import { tiktokDimension, tiktokWeight } from '../../../../../electron/station/providers/tiktok/package-data';

interface Vector {
  app_secret: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  expected_sign: string;
}
const vectors = JSON.parse(readFileSync(new URL('../../../../fixtures/tiktok/sign-test-vectors.json', import.meta.url), 'utf8')) as {
  request_vectors: Vector[];
};

describe('TikTok request signing', () => {
  it.each(vectors.request_vectors.map((v) => [v.path, v] as const))('passes the public vector for %s', (_path, v) => {
    expect(signRequest(v.app_secret, v.path, v.query, v.body)).toBe(v.expected_sign);
  });

  it('leaves sign and access_token out, sorts the rest, and signs a POST body', () => {
    const v = vectors.request_vectors[1]!;
    const withExtras = { ...v.query, sign: 'whatever', access_token: 'tok' };
    expect(signRequest(v.app_secret, v.path, withExtras, '')).toBe(v.expected_sign);
    const reordered = Object.fromEntries(Object.entries(v.query).reverse());
    expect(signRequest(v.app_secret, v.path, reordered, '')).toBe(v.expected_sign);
    expect(signRequest(v.app_secret, v.path, v.query, '{"a":1}')).not.toBe(v.expected_sign);
  });
});

describe('TikTok authorization link and code', () => {
  it('builds the app-key link by default, and keeps a Partner Center service_id link', () => {
    const url = new URL(tiktokAuthorizeUrl({ appKey: '68xu9ks5p4i8', state: 'st-1' }));
    expect(url.origin + url.pathname).toBe('https://auth.tiktok-shops.com/oauth/authorize');
    expect(url.searchParams.get('app_key')).toBe('68xu9ks5p4i8');
    expect(url.searchParams.get('state')).toBe('st-1');

    const service = new URL(
      tiktokAuthorizeUrl({
        appKey: 'k',
        state: 's',
        authorizeBaseUrl: 'https://services.us.tiktokshop.com/open/authorize?service_id=7301',
      }),
    );
    expect(service.searchParams.get('service_id')).toBe('7301');
    expect(service.searchParams.has('app_key')).toBe(false);
    expect(service.searchParams.get('state')).toBe('s');
  });

  it('reads the code from a raw code or the redirect address, and refuses junk', () => {
    expect(parseAuthCode('  ROW_abc123-XYZ  ')).toBe('ROW_abc123-XYZ');
    expect(parseAuthCode('https://station.example/callback?code=ROW_abc123&state=st-1')).toBe('ROW_abc123');
    expect(() => parseAuthCode('https://station.example/callback?state=st-1')).toThrow(ProviderError);
    expect(() => parseAuthCode('not a code!')).toThrow(/authorization code/);
  });
});

describe('TikTok package units', () => {
  it('sends lb/oz as POUND and kg/g as GRAM, inches as INCH, as decimal strings', () => {
    expect(tiktokWeight({ value: 1.5, unit: 'lb' })).toEqual({ value: '1.5', unit: 'POUND' });
    expect(tiktokWeight({ value: 8, unit: 'oz' })).toEqual({ value: '0.5', unit: 'POUND' });
    expect(tiktokWeight({ value: 1.2, unit: 'kg' })).toEqual({ value: '1200', unit: 'GRAM' });
    expect(tiktokWeight({ value: 350, unit: 'g' })).toEqual({ value: '350', unit: 'GRAM' });
    expect(tiktokDimension({ width: 8, height: 5, depth: 10.25, unit: 'in' })).toEqual({
      length: '10.3',
      width: '8',
      height: '5',
      unit: 'INCH',
    });
    expect(tiktokDimension({ width: 20, height: 10, depth: 30, unit: 'cm' }).unit).toBe('CM');
  });
});
