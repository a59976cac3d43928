/** What the log keeps of every scan and shipment: the outcome and the ids to find it again, never a secret. */
import type { ScanOutcome, ShipmentOutcome } from '../../../shared/contract';
import type { Log } from '../../../shared/domain/log';

export function logScan(log: Log, scan: string, outcome: ScanOutcome, operator: string): void {
  const label = 'label' in outcome ? outcome.label : undefined;
  const problem = 'problem' in outcome ? outcome.problem : undefined;
  log(`scan ${scan}: ${outcome.outcome}${problem ? ` (${problem.code})` : ''}`, {
    event: 'scan',
    scan,
    outcome: outcome.outcome,
    orderId: label?.orderId ?? ('order' in outcome ? outcome.order.orderId : undefined),
    labelId: label?.id,
    labelStatus: label?.status,
    provider: label?.provider,
    tracking: label?.trackingNumbers.join(' '),
    problem: problem?.code,
    reason: problem?.message,
    operator,
  });
}

export function logShipment(log: Log, outcome: ShipmentOutcome, operator: string): void {
  const states = outcome.boxes.map((box) => box.state);
  log(`shipment of order ${outcome.orderId}: ${states.join(', ')}`, {
    event: 'shipment',
    orderId: outcome.orderId,
    boxes: outcome.boxes.length,
    states: states.join(','),
    operator,
  });
}
