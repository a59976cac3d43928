/** What every part of the splitter shows, worked out once per change: groups, problems, lock, presets. */
import { useMemo } from 'react';
import { useSettings } from '../api/queries';
import { isLocked, useSplitStore } from '../state/split-store';
import type { FieldIssues } from '../../shared/errors';
import { checkShipmentPlan, groupLineItems, packingSettings } from './rules-standin';
import { placeProblems, sourceRefusal } from './plan-problems';
import { draftUnits, toPlan } from './split-draft';

function merged(a: FieldIssues, b: FieldIssues | undefined): FieldIssues {
  const out: FieldIssues = { ...a };
  for (const [path, messages] of Object.entries(b ?? {})) out[path] = [...new Set([...(out[path] ?? []), ...messages])];
  return out;
}

export function useSplitView() {
  const order = useSplitStore((s) => s.order);
  const draft = useSplitStore((s) => s.draft);
  const purchase = useSplitStore((s) => s.purchase);
  const settings = useSettings().data;
  const packing = packingSettings(settings);
  const groups = useMemo(() => groupLineItems(order?.lineItems ?? []), [order]);
  const refusal = order ? sourceRefusal(order) : null;
  const plan = order ? toPlan(order.orderId, draft) : null;
  const refusedFields = purchase.phase === 'refused' ? purchase.problem.fields : undefined;
  const issues = order && plan && !refusal ? merged(checkShipmentPlan(plan, order), refusedFields) : {};
  const problems = placeProblems(issues, draft.boxes.length);
  return {
    order,
    draft,
    purchase,
    groups,
    refusal,
    plan,
    problems,
    locked: isLocked(purchase),
    presets: packing.presets,
    maxUnitsPerBox: packing.maxUnitsPerBox,
    units: draftUnits(settings),
  };
}

export type SplitView = ReturnType<typeof useSplitView>;
