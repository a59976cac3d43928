/** Keys the station removed on a save (issue 13: a provider address moved to another host). Pure. */
import type { PublicSettings, SecretName } from '../../shared/domain/settings';

const SECRET_TITLES: Record<SecretName, string> = {
  aftershipApiKey: 'AfterShip API key',
  tiktokAppSecret: 'TikTok app secret',
  shipiumApiKey: 'Shipium API key',
  shopifyAdminToken: 'Shopify access token',
};

/** Secrets set before the save and not after it, in words; '' when none. */
export function clearedSecretsNote(before: PublicSettings['secrets'], after: PublicSettings['secrets']): string {
  const gone = (Object.keys(SECRET_TITLES) as SecretName[])
    .filter((name) => before[name] && !after[name])
    .map((name) => SECRET_TITLES[name]);
  if (gone.length === 0) return '';
  const list = gone.length === 1 ? `The ${gone[0]} was` : `The ${gone.slice(0, -1).join(', ')} and ${gone.at(-1)} were`;
  return `${list} removed because its address moved to a host that is not the provider’s own: enter it again below to use that host.`;
}
