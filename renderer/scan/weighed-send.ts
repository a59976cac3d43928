/**
 * Sends a scan with the parcel the packer chose on the Scan screen ("This parcel": box preset,
 * typed weight, the scale's stable weight). Refused (false, with the reason shown on the Scan
 * screen) while the typed weight is wrong or outside the station's limits: the scan is kept for the
 * packer to send again. When the scale must be stable and is not, the scan is held (kept in the
 * field) until it settles, then sent, or refused after the wait.
 */
import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/queries';
import { latestScaleReading } from '../api/scale';
import { useScanStore } from '../state/scan-store';
import { useParcelChoice } from '../state/parcel-choice-store';
import { sounds } from '../ui/sounds';
import { nextParcel, scanRefusal, type NextParcel } from './parcel-choice';
import { holdForScale } from './scale-wait';
import type { MethodOutput } from '../../shared/contract';

/** `weighNow: false`: the parcel is not complete yet (its items are checked first), so the scale is not read. */
export function sendWeighed(scan: string, queryClient: QueryClient, send: (next?: NextParcel) => void, weighNow = true): boolean {
  const settings = queryClient.getQueryData<MethodOutput<'getSettings'>>(keys.settings);
  // The choice and the reading as they are now (a scan typed into the weight field has just given its text back).
  const decide = () =>
    settings
      ? nextParcel(
          useParcelChoice.getState(),
          settings.defaultParcel,
          settings.boxPresets,
          weighNow ? { reading: latestScaleReading(queryClient), rules: settings.scale } : undefined,
        )
      : undefined;
  const refuse = (words: string) => {
    sounds.error();
    useScanStore.getState().refuse(words);
  };
  const next = decide();
  if (settings && next?.waitForScale && !next.problem && !next.outsideLimits && settings.scale.stableWaitSeconds > 0) {
    holdForScale(scan, settings.scale.stableWaitSeconds, decide, send, refuse);
    return false;
  }
  const refusal = next && scanRefusal(next);
  if (refusal) {
    refuse(refusal);
    return false;
  }
  send(next);
  return true;
}

/** With the packing check on, an order scan buys nothing yet: its parcel is weighed when the last item is checked. */
export function itemsCheckedFirst(queryClient: QueryClient): boolean {
  return queryClient.getQueryData<MethodOutput<'getSettings'>>(keys.settings)?.packing.checkItems === true;
}
