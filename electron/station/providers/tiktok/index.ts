export type { TikTokTokens, TikTokTokenStore, TikTokClientOptions } from './options';
export { signRequest } from './sign';
export { tiktokAuthorizeUrl, parseAuthCode, TIKTOK_AUTHORIZE_URL } from './authorize';
export { exchangeAuthCode } from './tokens';
export { createTikTokProvider, TIKTOK_TITLE } from './tiktok-provider';
export { createTikTokOrderSource } from '../../orders/tiktok-order-source';
