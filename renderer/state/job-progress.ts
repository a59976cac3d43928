/**
 * Where a jobProgress event goes: a late label's (sent while no scan may be running) becomes a
 * notice and settles the recent scan that set its parcel aside; every other one is a step of the
 * scan on screen.
 */
import type { EventPayload } from '../../shared/contract';
import { lateLabelOf, useLateLabels } from './late-labels';
import { useScanStore } from './scan-store';
import { useSplitStore } from './split-store';

/** Returns true for a late label (the caller plays its sound). */
export function routeJobProgress(event: EventPayload<'jobProgress'>): boolean {
  const late = lateLabelOf(event);
  if (!late) {
    useScanStore.getState().progress(event);
    useSplitStore.getState().progress(event);
    return false;
  }
  useLateLabels.getState().arrived(late);
  useScanStore.getState().lateLabelPrinted(late.labelId, late.orderId);
  return true;
}
