/**
 * The splitter: the order on screen, the plan being made for it, what the last scan or key did,
 * and the purchase (its progress, then each box's result). Once a box has a label the plan is
 * locked but for the size and weight of the boxes still missing: a retry sends the same boxes and
 * items, so the core buys only those boxes.
 */
import { create } from 'zustand';
import type { EventPayload, ShipmentOutcome } from '../../shared/contract';
import type { OrderDetails } from '../../shared/domain/orders';
import type { ShipmentPlan } from '../../shared/domain/shipments';
import type { Problem } from '../../shared/errors';
import { changesOnlyMeasures, newDraft, type DraftUnits, type SplitDraft } from '../split/split-draft';

export interface SplitNotice {
  tone: 'good' | 'bad' | 'info';
  text: string;
}

export type Purchase =
  | { phase: 'none' }
  /** `before`: what was shown before, back on screen if no supervisor approves after all. */
  | { phase: 'buying'; plan: ShipmentPlan; message: string; earlier?: ShipmentOutcome; before: Purchase }
  | { phase: 'done'; plan: ShipmentPlan; outcome: ShipmentOutcome }
  /** The call failed or the plan was refused: nothing new was bought (`earlier`: boxes bought before). */
  | { phase: 'refused'; plan: ShipmentPlan; problem: Problem; earlier?: ShipmentOutcome };

export type Lookup = { phase: 'idle' } | { phase: 'loading'; scan: string } | { phase: 'failed'; scan: string; problem: Problem };

interface SplitState {
  order: OrderDetails | null;
  draft: SplitDraft;
  units: DraftUnits;
  lookup: Lookup;
  notice: SplitNotice | null;
  purchase: Purchase;
  /** A new order (from a scan, the Scan screen or split_needed): a fresh plan. */
  open(order: OrderDetails, units: DraftUnits): void;
  lookupStarted(scan: string): void;
  lookupFailed(scan: string, problem: Problem): void;
  /** Applies an edit unless the plan is locked (then says why). */
  edit(change: (draft: SplitDraft) => SplitDraft): void;
  say(notice: SplitNotice | null): void;
  buyStarted(plan: ShipmentPlan): void;
  progress(event: EventPayload<'jobProgress'>): void;
  bought(outcome: ShipmentOutcome): void;
  buyCancelled(): void;
  buyRefused(problem: Problem): void;
}

const DEFAULT_UNITS: DraftUnits = { size: 'in', weight: 'lb' };

/** A box of the shipment has a label (or may have one): the plan may not change any more. */
export function hasLabels(outcome: ShipmentOutcome | undefined): boolean {
  return !!outcome && outcome.boxes.some((b) => b.state !== 'failed');
}

export function isLocked(purchase: Purchase): boolean {
  if (purchase.phase === 'buying') return true;
  if (purchase.phase === 'done') return hasLabels(purchase.outcome);
  if (purchase.phase === 'refused') return hasLabels(purchase.earlier);
  return false;
}

/** Boxes (0-based) with nothing bought after a partial purchase: a retry buys them, their size and weight may be corrected. */
export function openBoxes(purchase: Purchase): number[] {
  if (purchase.phase === 'buying' || !isLocked(purchase)) return [];
  return (lastOutcome(purchase)?.boxes ?? []).filter((b) => b.state === 'failed').map((b) => b.index - 1);
}

/** The outcome still shown while a retry runs or after it was refused. */
export function lastOutcome(purchase: Purchase): ShipmentOutcome | undefined {
  return purchase.phase === 'done' ? purchase.outcome : purchase.phase === 'none' ? undefined : purchase.earlier;
}

export const useSplitStore = create<SplitState>((set, get) => ({
  order: null,
  draft: newDraft(DEFAULT_UNITS),
  units: DEFAULT_UNITS,
  lookup: { phase: 'idle' },
  notice: null,
  purchase: { phase: 'none' },
  open(order, units) {
    set({ order, units, draft: newDraft(units), lookup: { phase: 'idle' }, notice: null, purchase: { phase: 'none' } });
  },
  lookupStarted(scan) {
    set({ lookup: { phase: 'loading', scan } });
  },
  lookupFailed(scan, problem) {
    set({ lookup: { phase: 'failed', scan, problem } });
  },
  edit(change) {
    const { purchase, draft } = get();
    const next = change(draft);
    if (next === draft) return;
    if (isLocked(purchase) && !changesOnlyMeasures(draft, next, openBoxes(purchase))) {
      set({
        notice: {
          tone: 'bad',
          text: 'Labels were bought for this plan: its boxes and items cannot change (only the size or weight of a box still missing). Retry the missing boxes or go back to Scan.',
        },
      });
      return;
    }
    // A refusal's problems were about the plan as it was: they go once it changes (the boxes bought before stay).
    if (purchase.phase !== 'refused') set({ draft: next });
    else if (purchase.earlier) set({ draft: next, purchase: { phase: 'done', plan: purchase.plan, outcome: purchase.earlier } });
    else set({ draft: next, purchase: { phase: 'none' } });
  },
  say(notice) {
    set({ notice });
  },
  buyStarted(plan) {
    const before = get().purchase;
    // A supervisor's second try after a wrong PIN: still the same purchase.
    if (before.phase === 'buying') return;
    const earlier = lastOutcome(before);
    set({
      purchase: { phase: 'buying', plan, message: `Buying ${plan.boxes.length} labels…`, before, ...(earlier && { earlier }) },
      notice: null,
    });
  },
  buyCancelled() {
    const { purchase } = get();
    if (purchase.phase === 'buying') set({ purchase: purchase.before });
  },
  progress(event) {
    const { purchase, order } = get();
    if (purchase.phase !== 'buying' || (event.orderId && event.orderId !== order?.orderId)) return;
    set({ purchase: { ...purchase, message: event.message } });
  },
  bought(outcome) {
    const { purchase } = get();
    if (purchase.phase !== 'buying') return;
    set({ purchase: { phase: 'done', plan: purchase.plan, outcome } });
  },
  buyRefused(problem) {
    const { purchase } = get();
    if (purchase.phase !== 'buying') return;
    set({ purchase: { phase: 'refused', plan: purchase.plan, problem, ...(purchase.earlier && { earlier: purchase.earlier }) } });
  },
}));
