/** Submits scans one at a time, queueing those made meanwhile; plays each result's sound, refreshes History. */
import type { QueryClient } from '@tanstack/react-query';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { sounds } from '../ui/sounds';
import { toProblem } from '../api/problem';
import { isLabelChecking, useScanStore, type ScanResult } from './scan-store';
import { useLateLabels } from './late-labels';
import { openSplitNeeded } from '../split/open-splitter';
import { usePendingScan } from '../operators/pending-scan';
import { useParcelChoice } from './parcel-choice-store';
import type { ScanParcel } from './scan-parcel';
import { sameScan, useScanQueue } from './scan-queue';
import { usePackingCheck } from './packing-check-store';
import type { PackingCheck } from '../../shared/contract';
import type { SupervisorApproval } from '../../shared/domain/operators';

export type { ScanParcel } from './scan-parcel';

/**
 * Makes a scan now, or, while a label is being bought, queues it to be made after the scans before
 * it; what comes of it is shown on the Scan screen. Returns what happened to it at once.
 */
/** What a scan brings besides its text: the packing check, and a supervisor's approval for skipping it. */
export interface ScanExtras {
  check?: PackingCheck;
  approval?: SupervisorApproval;
}

export function runScan(
  scan: string,
  queryClient: QueryClient,
  parcel?: ScanParcel,
  extras: ScanExtras = {},
): 'started' | 'queued' | 'already_queued' {
  const store = useScanStore.getState();
  if (store.phase === 'running') {
    if (sameScan(store.scan, scan) || !useScanQueue.getState().add(scan, parcel, extras.check)) {
      store.refuse(`"${shorten(scan)}" is already being worked on or waiting: it is not queued twice.`);
      sounds.attention();
      return 'already_queued';
    }
    sounds.queued();
    return 'queued';
  }
  void makeScan(scan, queryClient, parcel, extras);
  return 'started';
}

async function makeScan(
  scan: string,
  queryClient: QueryClient,
  parcel?: ScanParcel,
  extras: ScanExtras = {},
  fromQueue = false,
): Promise<void> {
  await runOne(scan, queryClient, parcel, extras, fromQueue);
  const next = useScanQueue.getState().next();
  if (next) await makeScan(next.scan, queryClient, next.parcel, next.check && { check: next.check }, true);
  // "Not queued twice" is about the queue: it goes once the queue is done (a person could not read it
  // if each waiting scan taking its turn wiped it).
  else if (fromQueue) useScanStore.getState().clearRefusal();
}

async function runOne(
  scan: string,
  queryClient: QueryClient,
  parcel: ScanParcel | undefined,
  extras: ScanExtras,
  fromQueue: boolean,
): Promise<void> {
  const store = useScanStore.getState();
  const shown = store.result && 'label' in store.result ? store.result.label?.id : undefined;
  store.start(scan, parcel?.declared, parcel?.boxName, fromQueue);
  // The outcome that told of its late label leaves the screen: so does that news.
  if (shown) useLateLabels.getState().dismiss(shown);
  let result: ScanResult;
  try {
    result = await station.submitScan({ scan, ...(parcel?.send && { parcel: parcel.send }), ...extras });
  } catch (error) {
    result = { outcome: 'call_failed', problem: toProblem(error) };
  }
  useScanStore.getState().finish(result, scan);
  // The choice this scan declared: back to the default once a label was bought with it.
  if (parcel) useParcelChoice.getState().scanFinished(result);
  // Signed out meanwhile (idle, another screen): the scan is kept and made once somebody signs in.
  if (result.outcome === 'call_failed' && result.problem.code === 'sign_in_required') usePendingScan.getState().keep(scan);
  if (result.outcome === 'printed') sounds.success();
  else if (result.outcome === 'already_labelled') sounds.attention();
  else if (result.outcome === 'queued' || isLabelChecking(result)) sounds.waiting();
  else if (result.outcome === 'split_needed' || result.outcome === 'check_needed') sounds.attention();
  else sounds.error();
  // The items are checked first: the Scan screen asks for them; a finished check buys the label.
  if (result.outcome === 'check_needed') usePackingCheck.getState().start(result.order, scan, parcel);
  else if (usePackingCheck.getState().scan === scan) usePackingCheck.getState().stop();
  // More units than one box takes: nothing was bought, the splitter opens with the order.
  if (result.outcome === 'split_needed') openSplitNeeded(result.order, queryClient);
  if ('label' in result && result.label) useLateLabels.getState().orderScanned(result.label.orderId);
  void queryClient.invalidateQueries({ queryKey: keys.historyAll });
  // A scan prints a label bought earlier but never printed: the unprintedLabels event says so; this covers a missed one.
  void queryClient.invalidateQueries({ queryKey: keys.unprinted });
  // A label that did not print usually means the printer has a fault: show it now, not at the next poll.
  if (result.outcome === 'print_failed' || result.outcome === 'queued')
    void queryClient.invalidateQueries({ queryKey: keys.printerStatus });
  // The printQueue event normally brings the new job first; this covers an event that was missed.
  if (result.outcome === 'queued') void queryClient.invalidateQueries({ queryKey: keys.printQueue });
  if ('label' in result && result.label) {
    void queryClient.invalidateQueries({ queryKey: keys.label(result.label.id) });
  }
}

function shorten(s: string): string {
  return s.length > 30 ? `${s.slice(0, 27)}…` : s;
}
