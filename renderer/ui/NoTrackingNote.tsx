import type { ProviderName } from '../../shared/domain/providers';
import { useStationInfo } from '../api/queries';

/** Whether the provider sends tracking updates: Shipium's TikTok carrier does not. */
export function useHasTracking(provider: ProviderName): boolean {
  const info = useStationInfo();
  if (provider === 'shipium') return false;
  return info.data?.provider === provider ? info.data.capabilities.tracking : true;
}

/** Said next to a tracking number whose provider never updates it. */
export function NoTrackingNote({ provider }: { provider: ProviderName }) {
  const hasTracking = useHasTracking(provider);
  if (hasTracking) return null;
  return (
    <span className="no-tracking" data-testid="no-tracking">
      No tracking updates with this provider
    </span>
  );
}
