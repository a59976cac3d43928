/** What the log keeps of every scan and shipment: the outcome and the ids to find it again, never a secret. */
import type { ScanOutcome, ShipmentOutcome } from '../../../shared/contract';
import type { Log } from '../../../shared/domain/log';
import { normalizeScan, resolveScan } from '../../../shared/domain/scan';

/**
 * A scan's text is written only when it named an order (the station found one, or it is an order ID's
 * 18 digits). Anything else — a supervisor's badge scanned into the scan field, a QR code — is kept
 * as its shape, and the problem's words (which quote the scan) are left out.
 */
export function logScan(log: Log, scan: string, outcome: ScanOutcome, operator: string): void {
  const label = 'label' in outcome ? outcome.label : undefined;
  const problem = 'problem' in outcome ? outcome.problem : undefined;
  const namesOrder = label !== undefined || 'order' in outcome || resolveScan(scan).kind === 'tiktok';
  const shown = namesOrder ? normalizeScan(scan) : scanShape(scan);
  log(`scan ${shown}: ${outcome.outcome}${problem ? ` (${problem.code})` : ''}`, {
    event: 'scan',
    scan: shown,
    outcome: outcome.outcome,
    orderId: label?.orderId ?? ('order' in outcome ? outcome.order.orderId : undefined),
    labelId: label?.id,
    labelStatus: label?.status,
    provider: label?.provider,
    tracking: label?.trackingNumbers.join(' '),
    problem: problem?.code,
    reason: namesOrder ? problem?.message : undefined,
    operator,
  });
}

/** "[12 letters and digits]": enough to see what kind of barcode was scanned, not what it said. */
export function scanShape(scan: string): string {
  const text = normalizeScan(scan);
  const kinds = [/\p{L}/u.test(text) && 'letters', /\d/.test(text) && 'digits', /[^\p{L}\d]/u.test(text) && 'symbols'].filter(Boolean);
  return `[${text.length} characters: ${kinds.length > 0 ? kinds.join(', ') : 'none'}]`;
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
