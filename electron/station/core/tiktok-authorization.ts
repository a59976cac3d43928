/** The station's side of TikTok Shop's OAuth: an authorization link, then code -> tokens in the main process. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { StationError } from '../../../shared/errors';
import { exchangeAuthCode, parseAuthCode, tiktokAuthorizeUrl, type ProviderFactory } from '../providers';
import type { SettingsService } from '../settings';

export class TikTokAuthorization {
  private state: string | undefined;

  constructor(
    private readonly settings: SettingsService,
    private readonly providers: ProviderFactory,
  ) {}

  start(): string {
    const { appKey } = this.settings.current().tiktok;
    if (!appKey) {
      throw new StationError(
        'provider_not_configured',
        'Enter the TikTok app key first.',
        'Fill in the TikTok Shop section of Settings, then authorize.',
      );
    }
    this.state = randomBytes(16).toString('hex');
    return tiktokAuthorizeUrl({ appKey, state: this.state });
  }

  async finish(codeOrRedirectUrl: string): Promise<void> {
    const returnedState = stateFrom(codeOrRedirectUrl);
    if (returnedState !== undefined && !(this.state && sameText(returnedState, this.state))) {
      throw new StationError(
        'authorization_mismatch',
        'That address is from a different authorization attempt.',
        'Press "Authorize TikTok Shop" again and use the new link.',
      );
    }
    const tokens = await exchangeAuthCode(this.providers.tiktokApp(this.settings.current()), parseAuthCode(codeOrRedirectUrl));
    this.settings.saveTikTokTokens(tokens);
    this.state = undefined;
  }
}

function stateFrom(codeOrRedirectUrl: string): string | undefined {
  try {
    return new URL(codeOrRedirectUrl).searchParams.get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
