/**
 * Labels that turned up late: a purchase got no clear answer, the packer set the parcel aside, and
 * the station printed the label here by itself when the provider finally had it. The station says
 * so with a jobProgress event of its own (`late-<labelId>`), sent while no scan may be running;
 * each stays on the Scan screen until the packer has seen it (OK).
 */
import { create } from 'zustand';
import type { EventPayload } from '../../shared/contract';

export interface LateLabelNotice {
  labelId: string;
  orderId: string;
  /** The station's words: printed (or sent to the print queue), put it on the parcel set aside. */
  message: string;
  at: string;
}

/** More than this on screen would push the scan field down: the oldest go first. */
const MAX_NOTICES = 3;

const LATE_JOB = /^late-(.+)$/;

/** The notice a jobProgress event carries, when it is about a late label (not a scan's own step). */
export function lateLabelOf(event: EventPayload<'jobProgress'>, now: Date = new Date()): LateLabelNotice | undefined {
  const labelId = LATE_JOB.exec(event.jobId)?.[1];
  if (labelId === undefined || event.step !== 'done') return undefined;
  return { labelId, orderId: event.orderId ?? '', message: event.message, at: now.toISOString() };
}

/** Whether a jobProgress event belongs to no scan job (a late label's): a scan must never take it for its own. */
export function isLateLabelEvent(event: EventPayload<'jobProgress'>): boolean {
  return LATE_JOB.test(event.jobId);
}

interface LateLabelsState {
  notices: LateLabelNotice[];
  arrived(notice: LateLabelNotice): void;
  dismiss(labelId: string): void;
  /** The order was scanned again: whatever the screen said about its late label is old news. */
  orderScanned(orderId: string): void;
}

export const useLateLabels = create<LateLabelsState>((set) => ({
  notices: [],
  arrived: (notice) => set((s) => ({ notices: [notice, ...s.notices.filter((n) => n.labelId !== notice.labelId)].slice(0, MAX_NOTICES) })),
  dismiss: (labelId) => set((s) => ({ notices: s.notices.filter((n) => n.labelId !== labelId) })),
  orderScanned: (orderId) => set((s) => ({ notices: s.notices.filter((n) => n.orderId !== orderId) })),
}));
