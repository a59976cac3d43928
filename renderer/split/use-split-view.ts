/** What every part of the splitter shows, worked out once per change: groups, problems, lock, presets. */
import { useMemo } from 'react';
import { useSettings, useStationInfo } from '../api/queries';
import { isLocked, openBoxes, useSplitStore } from '../state/split-store';
import { checkShipmentPlan, groupLineItems, shipmentLimits } from '../../shared/domain/shipment-rules';
import { estimateProblems, fromFieldIssues, placeProblems, sourceRefusal } from './plan-problems';
import { packingSettings } from './packing-settings';
import { draftUnits, toPlan } from './split-draft';

export function useSplitView() {
  const order = useSplitStore((s) => s.order);
  const draft = useSplitStore((s) => s.draft);
  const purchase = useSplitStore((s) => s.purchase);
  const settings = useSettings().data;
  const provider = useStationInfo().data?.provider ?? settings?.provider ?? 'sandbox';
  const packing = packingSettings(settings);
  const limits = shipmentLimits(provider);
  const groups = useMemo(() => groupLineItems(order?.lineItems ?? []), [order]);
  const refusal = order ? sourceRefusal(order) : null;
  const plan = order ? toPlan(order.orderId, draft) : null;
  const refused = purchase.phase === 'refused' ? fromFieldIssues(purchase.problem.fields) : [];
  const found =
    order && plan && !refusal
      ? [...checkShipmentPlan(plan, order, limits, packing.presets, packing.rule), ...refused, ...estimateProblems(draft)]
      : [];
  const problems = placeProblems(found, draft.boxes.length);
  return {
    order,
    draft,
    purchase,
    groups,
    refusal,
    plan,
    problems,
    limits,
    locked: isLocked(purchase),
    /** Boxes still to buy after a partial purchase: only their size and weight may change. */
    open: openBoxes(purchase),
    presets: packing.presets,
    rule: packing.rule,
    units: draftUnits(settings),
  };
}

export type SplitView = ReturnType<typeof useSplitView>;
