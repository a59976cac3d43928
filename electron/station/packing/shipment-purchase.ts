/**
 * Buys the labels of a split shipment, never a box twice: one request with every box where the
 * provider takes it, else one per box in box order. Boxes that already have a label (an earlier
 * attempt, another station) are kept and only printed if they never were; a retry of the same plan
 * buys only the boxes without one. Labels print in box order as they are bought.
 */
import { randomUUID } from 'node:crypto';
import type { ShipmentOutcome } from '../../../shared/contract';
import type { OrderDetails } from '../../../shared/domain/orders';
import type { LabelBox, ShipmentPlan } from '../../../shared/domain/shipments';
import { StationError } from '../../../shared/errors';
import { parcelSetOf, toPublic } from '../history';
import { buyLabel, labelFileType, packedDifferently, SINGLE_PARCEL, withOrder, type ScanJobDeps } from '../labels';
import type { LabelProvider, LabelRequest } from '../providers';
import { boxKey, parcelSetKey } from './parcel-set';
import { printBought, settleBoxLabel, type BoxResult } from './box-label';
import { checkPlanAgainstOrder, orderForSplit } from './shipment-order';

export async function buyShipment(deps: ScanJobDeps, plan: ShipmentPlan): Promise<ShipmentOutcome> {
  const jobId = randomUUID();
  const { orderId } = plan;
  const progress = (step: 'resolving' | 'buying' | 'printing' | 'done' | 'failed', message: string) =>
    deps.events.emit('jobProgress', { jobId, step, message, orderId });
  progress('resolving', `Checking the boxes of order ${orderId}…`);
  const order = await orderForSplit(plan, deps);
  checkPlanAgainstOrder(plan, order, deps.settings());
  const provider = deps.providers.forSettings(deps.settings());
  const busy = new StationError('order_busy', `A label for order ${orderId} is being bought right now.`, 'Wait for it to finish.');

  const results = await withOrder(deps, orderId, busy, async () => {
    const setKey = plan.boxes.length === 1 ? SINGLE_PARCEL : parcelSetKey(plan);
    const live = await deps.history.listLive(orderId);
    const other = live.find((label) => parcelSetOf(label.parcelKey) !== setKey);
    if (other) {
      const problem = packedDifferently(orderId, other);
      throw new StationError(problem.code, problem.message, problem.nextStep);
    }
    const boxes = labelBoxes(plan);
    const buy = new BoxBuyer(deps, provider, plan, order, (message) => progress('buying', message));
    if (plan.boxes.length === 1 || provider.capabilities.boxesPerRequest === 'all') {
      const existing = live.find((label) => label.parcelKey === setKey);
      const result = existing ? await settleBoxLabel(deps, existing) : await buy.boxes(setKey, plan.boxes.length === 1 ? [] : boxes);
      return boxes.map(() => result);
    }
    const results: BoxResult[] = [];
    for (const box of boxes) {
      const key = boxKey(setKey, box.index);
      const existing = live.find((label) => label.parcelKey === key);
      results.push(existing ? await settleBoxLabel(deps, existing) : await buy.boxes(key, [box]));
    }
    return results;
  });

  const outcome: ShipmentOutcome = {
    jobId,
    orderId,
    boxes: results.map((result, position) => ({ ...result, index: position + 1, count: results.length })),
  };
  const missing = outcome.boxes.filter((box) => box.state === 'failed' || box.state === 'checking').length;
  if (missing === 0) progress('done', `Order ${orderId}: ${results.length} boxes labelled.`);
  else progress('failed', `Order ${orderId}: ${missing} of ${results.length} boxes have no label yet.`);
  return outcome;
}

/** The boxes as their labels carry them (the tracking numbers come with the purchase). */
function labelBoxes(plan: ShipmentPlan): LabelBox[] {
  return plan.boxes.map((box, position) => ({
    index: position + 1,
    count: plan.boxes.length,
    trackingNumber: null,
    dimension: box.dimension,
    weight: box.weight,
    itemIds: box.itemIds,
  }));
}

/** Buys the label of one or all boxes and prints it at once. */
class BoxBuyer {
  constructor(
    private readonly deps: ScanJobDeps,
    private readonly provider: LabelProvider,
    private readonly plan: ShipmentPlan,
    private readonly order: OrderDetails,
    private readonly onStep: (message: string) => void,
  ) {}

  /** `boxes` empty: the whole order in one parcel (the plan's only box). */
  async boxes(parcelKey: string, boxes: LabelBox[]): Promise<BoxResult> {
    const purchase = await buyLabel(this.deps, this.provider, this.request(boxes), parcelKey, this.onStep, boxes);
    if (purchase.state === 'refused') return { state: 'failed', earlier: false, problem: purchase.problem };
    if (purchase.state === 'uncertain')
      return { state: 'checking', earlier: false, problem: purchase.problem, label: toPublic(purchase.label) };
    return printBought(this.deps, purchase.label, false, this.onStep);
  }

  private request(boxes: LabelBox[]): Omit<LabelRequest, 'reference'> {
    const only = this.plan.boxes[0]!;
    return {
      orderId: this.plan.orderId,
      parcels:
        boxes.length === 0
          ? [{ dimension: only.dimension, weight: only.weight, itemIds: [] }]
          : boxes.map((box) => ({ dimension: box.dimension, weight: box.weight, itemIds: box.itemIds })),
      fileType: labelFileType(this.deps.settings()),
      order: this.order,
    };
  }
}
