/** The label providers room: one interface, four providers, and the factory that picks one from the settings. */
export {
  ProviderError,
  type LabelLookup,
  type LabelProvider,
  type LabelRequest,
  type ParcelRequest,
  type ProviderCapabilities,
  type PurchasedLabel,
} from './provider';
export { ProviderFactory, refuseForeignHost, type ProviderSecrets } from './provider-factory';
export { fingerprint } from './secret-fingerprint';
export { renderSandboxLabelPdf } from './sandbox';
export {
  createTikTokOrderReader,
  exchangeAuthCode,
  parseAuthCode,
  tiktokAuthorizeUrl,
  type TikTokClientOptions,
  type TikTokOrderReader,
} from './tiktok';
export { NO_RECORDER, type ExchangeOutcome, type ProviderRecorder } from './http/recorder';
