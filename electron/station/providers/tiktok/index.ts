export type { TikTokTokens, TikTokTokenStore, TikTokClientOptions } from './options';
export { signRequest } from './sign';
export { tiktokAuthorizeUrl, parseAuthCode } from './authorize';
export { exchangeAuthCode } from './tokens';
export { createTikTokProvider } from './tiktok-provider';
export { createTikTokOrderReader, type TikTokOrderReader } from './order-reader';
