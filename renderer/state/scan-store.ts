/** The scan workflow: the job on screen, its steps from jobProgress events, its outcome, recent scans. */
import { DOWNLOAD_NOTICE_AFTER_MS } from '../../shared/domain/settings';
import { create } from 'zustand';
import type { EventPayload, ScanOutcome } from '../../shared/contract';
import type { JobStep, LabelRecord, LabelStatus } from '../../shared/domain/labels';
import type { Problem } from '../../shared/errors';
import type { Parcel } from '../../shared/domain/parcels';
import { isUncertain } from '../../shared/domain/labels';
import { isLateLabelEvent } from './late-labels';

export type ProgressStep = Exclude<JobStep, 'failed'>;

export interface RecentScan {
  id: number;
  scan: string;
  orderId?: string;
  /**
   * set_aside: no clear answer yet, the label may still come and prints here by itself (the parcel is
   * set aside meanwhile); printed_late: it did. needs_checking: a label may exist and the station cannot tell: a supervisor checks.
   */
  result: ScanOutcome['outcome'] | 'set_aside' | 'printed_late' | 'needs_checking';
  at: string;
  /** The label a set-aside parcel waits for. */
  labelId?: string;
  /** A label waiting in the print queue: its job and label, until it prints or is cancelled. */
  waiting?: { printJobId: number; labelId: string };
}

/** What the worker is looking at after a scan: an outcome from the station, or a call that failed. */
export type ScanResult = ScanOutcome | { outcome: 'call_failed'; problem: Problem };

interface ScanState {
  phase: 'idle' | 'running' | 'finished';
  scan: string;
  jobId?: string;
  step?: ProgressStep;
  /** When the current step started (ms since epoch), for the elapsed time of a slow provider. */
  stepAt: number;
  failedAt?: ProgressStep;
  /** Steps from this one on did not happen (an order that already has a label: nothing bought). */
  skippedFrom?: ProgressStep;
  /** The step the job waits at: 'printing' while the label waits in the print queue. */
  waitingAt?: ProgressStep;
  stepMessage: string;
  /** The label's file is downloading: since when, and how long the scan waits before "file pending". */
  download?: { since: number; deadlineSeconds: number };
  orderId?: string;
  result?: ScanResult;
  refusal?: string;
  /** The box and weight the current scan declared (the label record keeps none), for its outcome panel. */
  parcel?: Parcel;
  /** The preset that parcel's box is, when one was chosen. */
  boxName?: string;
  recent: RecentScan[];
  /** A scan's job starts (the queue makes sure one runs at a time). */
  /** `fromQueue`: a waiting scan taken up; a refusal about the queue then stays on screen while it runs. */
  start(scan: string, parcel?: Parcel, boxName?: string, fromQueue?: boolean): void;
  /** Says why a scan was not sent (its text stays in the scan field). */
  refuse(message: string): void;
  progress(event: EventPayload<'jobProgress'>): void;
  finish(result: ScanResult, scan: string): void;
  /**
   * A waiting label left the print queue: 'printed' (it came out) or 'print_failed' (cancelled).
   * Updates the recent scans and, when it is the one on screen, the outcome.
   */
  printSettled(printJobId: number, status: LabelStatus): void;
  /** The label a parcel was set aside for turned up and was printed here by the station. */
  lateLabelPrinted(labelId: string, orderId: string): void;
  clearRefusal(): void;
  /** After a restart: the recent scans are the newest labels in History (only while none were made yet). */
  seedRecent(labels: LabelRecord[]): void;
}

let recentId = 0;

export const useScanStore = create<ScanState>((set, get) => ({
  phase: 'idle',
  scan: '',
  stepMessage: '',
  stepAt: 0,
  recent: [],
  start(scan, parcel, boxName, fromQueue = false) {
    set({
      phase: 'running',
      scan,
      jobId: undefined,
      step: 'resolving',
      stepAt: Date.now(),
      failedAt: undefined,
      waitingAt: undefined,
      skippedFrom: undefined,
      stepMessage: 'Reading the scan…',
      download: undefined,
      orderId: undefined,
      result: undefined,
      ...(!fromQueue && { refusal: undefined }),
      parcel,
      boxName,
    });
  },
  refuse(message) {
    set({ refusal: message });
  },
  progress(event) {
    const state = get();
    if (state.phase !== 'running' || isLateLabelEvent(event)) return;
    if (state.jobId && state.jobId !== event.jobId) return;
    if (event.step === 'failed') {
      set({ jobId: event.jobId, failedAt: state.step ?? 'resolving', stepMessage: event.message, orderId: event.orderId ?? state.orderId });
    } else {
      const stepAt = event.step === state.step ? state.stepAt : Date.now();
      const download = event.downloadDeadlineSeconds
        ? { since: Date.now() - DOWNLOAD_NOTICE_AFTER_MS, deadlineSeconds: event.downloadDeadlineSeconds }
        : event.step === state.step
          ? state.download
          : undefined;
      set({ jobId: event.jobId, step: event.step, stepAt, stepMessage: event.message, download, orderId: event.orderId ?? state.orderId });
    }
  },
  finish(result, scan) {
    const state = get();
    const orderId =
      'label' in result && result.label
        ? result.label.orderId
        : result.outcome === 'split_needed' || result.outcome === 'check_needed'
          ? result.order.orderId
          : state.orderId;
    const finalStep: Partial<ScanState> =
      result.outcome === 'already_labelled'
        ? // Nothing was bought or printed: those steps did not happen (a reprint is the packer's choice).
          { step: 'buying', skippedFrom: 'buying', failedAt: undefined }
        : result.outcome === 'printed'
          ? { step: 'done', failedAt: undefined }
          : result.outcome === 'queued'
            ? { step: 'printing', waitingAt: 'printing', failedAt: undefined }
            : isLabelChecking(result)
              ? { step: 'buying', waitingAt: 'buying', failedAt: undefined }
              : isFilePending(result)
                ? // Bought; printing waits for the file, which prints by itself when it arrives.
                  { step: 'printing', waitingAt: 'printing', failedAt: undefined }
                : result.outcome === 'check_needed'
                  ? // Buying waits for the packer's check of the items.
                    { step: 'buying', failedAt: undefined }
                  : isDatabaseAway(result) || result.outcome === 'split_needed'
                    ? // The scan was read; buying is what could not start (its claim needs the fleet's database, or
                      // the order needs splitting into boxes first).
                      { step: 'buying', failedAt: 'buying' }
                    : { failedAt: state.failedAt ?? (result.outcome === 'print_failed' ? 'printing' : (state.step ?? 'resolving')) };
    const entry: RecentScan = {
      id: ++recentId,
      scan,
      ...(orderId ? { orderId } : {}),
      result: recentResult(result),
      at: new Date().toISOString(),
      ...(result.outcome === 'queued' ? { waiting: { printJobId: result.printJobId, labelId: result.label.id } } : {}),
      ...(result.outcome === 'failed' && isLabelChecking(result) && result.label ? { labelId: result.label.id } : {}),
      ...(result.outcome === 'print_failed' && isFilePending(result) ? { labelId: result.label.id } : {}),
    };
    set({ ...finalStep, phase: 'finished', result, orderId, download: undefined, recent: [entry, ...state.recent].slice(0, 5) });
  },
  printSettled(printJobId, status) {
    if (status !== 'printed' && status !== 'print_failed') return;
    const state = get();
    const recent = state.recent.map((r) =>
      r.waiting?.printJobId === printJobId
        ? { id: r.id, scan: r.scan, ...(r.orderId ? { orderId: r.orderId } : {}), at: r.at, result: status }
        : r,
    );
    const shown = state.result?.outcome === 'queued' && state.result.printJobId === printJobId ? state.result : undefined;
    if (!shown) {
      set({ recent });
      return;
    }
    const result: ScanResult = { ...shown, label: { ...shown.label, status } };
    const steps: Partial<ScanState> =
      status === 'printed' ? { step: 'done', waitingAt: undefined } : { waitingAt: undefined, failedAt: 'printing' };
    set({ recent, result, ...steps });
  },
  lateLabelPrinted(labelId, orderId) {
    const state = get();
    const recent = state.recent.map((r) =>
      r.result === 'set_aside' && (r.labelId === labelId || (r.labelId === undefined && r.orderId === orderId))
        ? { ...r, result: 'printed_late' as const }
        : r,
    );
    const shown =
      (state.result?.outcome === 'failed' && isLabelChecking(state.result) && state.result.label?.id === labelId) ||
      (state.result?.outcome === 'print_failed' && isFilePending(state.result) && state.result.label.id === labelId);
    set(shown ? { recent, step: 'done', waitingAt: undefined } : { recent });
  },
  clearRefusal() {
    set({ refusal: undefined });
  },
  seedRecent(labels) {
    if (get().recent.length > 0) return;
    set({
      recent: labels.slice(0, 5).map((label) => ({
        id: ++recentId,
        scan: label.orderId,
        orderId: label.orderId,
        result: RESULT_OF_STATUS[label.status],
        at: label.createdAt,
      })),
    });
  },
}));

/** How a label kept in History reads among the recent scans. */
const RESULT_OF_STATUS: Record<LabelStatus, RecentScan['result']> = {
  printed: 'printed',
  queued: 'queued',
  bought: 'print_failed',
  print_failed: 'print_failed',
  buying: 'needs_checking',
  checking: 'set_aside',
  unknown: 'needs_checking',
  failed: 'failed',
};

/** The fleet's shared database could not be reached: nothing was bought, the parcel is set aside until the light is green. */
export function isDatabaseAway(result: ScanResult): boolean {
  return result.outcome === 'failed' && result.problem.code === 'fleet_database_unreachable';
}

/** Recent scans whose label still waits in the print queue. */
export function waitingScans(recent: RecentScan[]): Array<{ printJobId: number; labelId: string }> {
  return recent.flatMap((r) => (r.waiting ? [r.waiting] : []));
}

/** No clear answer to the purchase yet: the parcel is set aside and its label prints here when it turns up. */
export function isLabelChecking(result: ScanResult): boolean {
  return result.outcome === 'failed' && result.problem.code === 'label_checking';
}

/** Bought and saved; its file is still downloading after the deadline and prints by itself when it arrives. */
export function isFilePending(result: ScanResult): boolean {
  return result.outcome === 'print_failed' && result.problem.code === 'label_file_pending';
}

function recentResult(result: ScanResult): RecentScan['result'] {
  if (result.outcome === 'call_failed') return 'failed';
  if (isLabelChecking(result) || isFilePending(result)) return 'set_aside';
  if (result.outcome === 'failed' && result.label && isUncertain(result.label.status)) return 'needs_checking';
  return result.outcome;
}
