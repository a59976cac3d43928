/**
 * TikTok Shop Open API request signing (API version 202309): HMAC-SHA256 keyed with the app secret
 * over secret + path + sorted query (key+value, without `sign` and `access_token`) + body + secret.
 */
import { createHmac } from 'node:crypto';

const UNSIGNED_PARAMS = new Set(['sign', 'access_token']);

/** `body` is the exact request body text for POST/PUT, '' for GET (and multipart uploads). */
export function signRequest(appSecret: string, path: string, query: Record<string, string>, body: string): string {
  const params = Object.keys(query)
    .filter((key) => !UNSIGNED_PARAMS.has(key))
    .sort()
    .map((key) => `${key}${query[key]}`)
    .join('');
  return createHmac('sha256', appSecret).update(`${appSecret}${path}${params}${body}${appSecret}`, 'utf8').digest('hex');
}
