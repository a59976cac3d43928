/**
 * Sends a scan with the parcel the packer chose on the Scan screen ("This parcel": box preset,
 * typed weight), from whichever screen the scan was made on. Refused (false, with the reason shown
 * on the Scan screen) while the typed weight is wrong: the scan is kept for the packer to send again.
 */
import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/queries';
import { runScan } from '../state/run-scan';
import { useScanStore } from '../state/scan-store';
import { useParcelChoice } from '../state/parcel-choice-store';
import { sounds } from '../ui/sounds';
import { nextParcel } from './parcel-choice';
import { scanDuringCheck } from './check-scan';
import type { MethodOutput } from '../../shared/contract';

export function submitScan(scan: string, queryClient: QueryClient): boolean {
  // Checking an order's items: the scan is an item of it (or ends the check).
  if (scanDuringCheck(scan, queryClient)) return true;
  const settings = queryClient.getQueryData<MethodOutput<'getSettings'>>(keys.settings);
  const next = settings ? nextParcel(useParcelChoice.getState(), settings.defaultParcel, settings.boxPresets) : undefined;
  if (next?.problem) {
    sounds.error();
    useScanStore.getState().refuse(`Not sent — ${next.problem}. Fix the weight (Alt+W) or clear it, then press Enter: the scan is kept.`);
    return false;
  }
  runScan(scan, queryClient, next);
  return true;
}
