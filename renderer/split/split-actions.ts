/** The splitter's calls to the station: open an order from a scan, buy (or retry) a plan. */
import type { QueryClient } from '@tanstack/react-query';
import type { MethodInput, ShipmentOutcome } from '../../shared/contract';
import type { OrderDetails } from '../../shared/domain/orders';
import type { ShipmentPlan } from '../../shared/domain/shipments';
import type { SupervisorApproval } from '../../shared/domain/operators';
import { normalizeScan } from '../../shared/domain/scan';
import { orderLookupQuery } from '../api/shipments';
import { toProblem } from '../api/problem';
import { useSplitStore } from '../state/split-store';
import { sounds } from '../ui/sounds';
import type { DraftUnits } from './split-draft';

/** Looks the order up and opens it with a fresh plan; returns it, or null when it could not be read. */
export async function openOrder(scan: string, queryClient: QueryClient, units: DraftUnits): Promise<OrderDetails | null> {
  const store = useSplitStore.getState();
  const text = normalizeScan(scan);
  if (text === '') return null;
  store.lookupStarted(text);
  try {
    const order = await queryClient.fetchQuery(orderLookupQuery(text));
    useSplitStore.getState().open(order, units);
    sounds.success();
    return order;
  } catch (error) {
    useSplitStore.getState().lookupFailed(text, toProblem(error));
    sounds.error();
    return null;
  }
}

export interface BuyDeps {
  buy(input: MethodInput<'buyShipment'>): Promise<ShipmentOutcome>;
  /**
   * Makes the call with a supervisor's approval when the operator is not one (the approval dialog
   * asks again after a wrong PIN); undefined when none was given.
   */
  approved<T>(action: string, call: (approval?: SupervisorApproval) => Promise<T>): Promise<T | undefined>;
}

/** Buys the plan's labels (a retry sends the same plan: only boxes without a label are bought). */
export async function buyPlan(plan: ShipmentPlan, action: string, deps: BuyDeps): Promise<void> {
  try {
    const outcome = await deps.approved(action, (approval) => {
      useSplitStore.getState().buyStarted(plan);
      return deps.buy({ ...plan, ...(approval && { approval }) });
    });
    if (!outcome) {
      // No supervisor approved: nothing was asked of the provider.
      useSplitStore.getState().buyCancelled();
      return;
    }
    useSplitStore.getState().bought(outcome);
    if (outcome.boxes.every((b) => b.state === 'printed')) sounds.success();
    else if (outcome.boxes.some((b) => b.state === 'failed' || b.state === 'print_failed')) sounds.error();
    else sounds.waiting();
  } catch (error) {
    useSplitStore.getState().buyRefused(toProblem(error));
    sounds.error();
  }
}
