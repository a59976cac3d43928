/**
 * The seller-facing authorization link and reading the code TikTok sends back.
 *
 * Two link forms exist: the app-key form `https://auth.tiktok-shops.com/oauth/authorize?app_key=…&state=…`
 * (the default here, since the station knows its app key) and the Partner Center form
 * `https://services.tiktokshop.com/open/authorize?service_id=…` (US shops: services.us.tiktokshop.com).
 * A base that already carries `service_id` is kept as it is and only gets `state`.
 */
import { notAuthorizedError } from './errors';

export const TIKTOK_AUTHORIZE_URL = 'https://auth.tiktok-shops.com/oauth/authorize';

export function tiktokAuthorizeUrl(opts: { appKey: string; state: string; authorizeBaseUrl?: string }): string {
  const url = new URL(opts.authorizeBaseUrl?.trim() || TIKTOK_AUTHORIZE_URL);
  if (!url.searchParams.has('service_id')) url.searchParams.set('app_key', opts.appKey.trim());
  url.searchParams.set('state', opts.state);
  return url.toString();
}

/** Accepts the raw code, or the whole address TikTok redirected to (`…?code=…&state=…`). */
export function parseAuthCode(codeOrRedirectUrl: string): string {
  const text = codeOrRedirectUrl.trim();
  if (/^https?:\/\//i.test(text) || text.includes('code=')) {
    let params: URLSearchParams;
    try {
      params = /^https?:\/\//i.test(text) ? new URL(text).searchParams : new URLSearchParams(text.replace(/^[^?]*\?/, ''));
    } catch {
      throw notAuthorizedError(' The pasted address is not a valid web address.');
    }
    const code = params.get('code') ?? params.get('auth_code');
    if (!code?.trim()) {
      throw notAuthorizedError(
        ' The pasted address has no authorization code (?code=…): copy the whole address after approving in TikTok Shop.',
      );
    }
    return code.trim();
  }
  if (!/^[\w.\-~]{4,512}$/.test(text)) {
    throw notAuthorizedError(
      ' That does not look like a TikTok authorization code: paste the code or the whole address TikTok redirected to.',
    );
  }
  return text;
}
