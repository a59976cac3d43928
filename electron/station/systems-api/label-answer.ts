/** A label request's outcome (scan job or shipment purchase) as the API answers it, and whether the answer is final. */
import type { ScanOutcome, ShipmentOutcome } from '../../../shared/contract';
import type { LabelRecord } from '../../../shared/domain/labels';
import { ApiLabel, LabelRequestResult } from './api-schemas';
import type { RunAnswer } from './idempotency';
import type { LabelRequestOutcome } from './ports';
import { problem, problemDetails } from './problem-details';

export function labelAnswer(result: LabelRequestOutcome): RunAnswer {
  return result.kind === 'scan' ? scanAnswer(result.outcome) : shipmentAnswer(result.outcome);
}

function scanAnswer(outcome: ScanOutcome): RunAnswer {
  switch (outcome.outcome) {
    case 'printed':
    case 'queued':
    case 'print_failed':
    case 'already_labelled': {
      const message =
        outcome.outcome === 'printed'
          ? (outcome.warning ?? `Label bought and printed for order ${outcome.label.orderId}.`)
          : outcome.outcome === 'print_failed'
            ? outcome.problem.message
            : outcome.message;
      const body = LabelRequestResult.parse({
        outcome: outcome.outcome,
        orderId: outcome.label.orderId,
        labels: [api(outcome.label)],
        message,
        ...(outcome.outcome === 'print_failed' && { problem: brief(outcome.problem) }),
      });
      return { status: outcome.outcome === 'already_labelled' ? 200 : 201, body, keep: true };
    }
    case 'split_needed':
      return refusal(
        problem(
          'split_needed',
          outcome.message,
          'Send the request again with `boxes`: each box with its line item IDs (one per unit), size and weight.',
        ),
      );
    case 'check_needed':
      return refusal(
        problem(
          'check_needed',
          outcome.message,
          'Send the request again with `itemsChecked`: the line item IDs packed, one per unit (or scan the items at the station).',
        ),
      );
    case 'failed':
      return refusal(problemDetails(outcome.problem));
  }
}

function shipmentAnswer(outcome: ShipmentOutcome): RunAnswer {
  const labels = new Map<string, LabelRecord>();
  for (const box of outcome.boxes) if (box.label) labels.set(box.label.id, box.label);
  const states = outcome.boxes.map((b) => b.state);
  const result = states.some((s) => s === 'failed' || s === 'checking')
    ? 'incomplete'
    : outcome.boxes.every((b) => b.earlier)
      ? 'already_labelled'
      : states.includes('print_failed')
        ? 'print_failed'
        : states.includes('queued')
          ? 'queued'
          : 'printed';
  const firstProblem = outcome.boxes.find((b) => b.problem)?.problem;
  const body = LabelRequestResult.parse({
    outcome: result,
    orderId: outcome.orderId,
    labels: [...labels.values()].map(api),
    boxes: outcome.boxes.map(({ label, ...box }) => ({ ...box, labelId: label?.id ?? null })),
    message: shipmentMessage(outcome, result),
    ...(firstProblem && { problem: brief(firstProblem) }),
  });
  // Boxes without a label: the key is let go, so the same request retried buys only those boxes.
  return { status: result === 'already_labelled' || result === 'incomplete' ? 200 : 201, body, keep: result !== 'incomplete' };
}

function shipmentMessage(outcome: ShipmentOutcome, result: string): string {
  const n = outcome.boxes.length;
  if (result === 'incomplete') {
    const missing = outcome.boxes.filter((b) => b.state === 'failed' || b.state === 'checking').map((b) => b.index);
    return `Order ${outcome.orderId}: box ${missing.join(', ')} of ${n} has no label yet. Retry the same request: only those boxes are bought.`;
  }
  if (result === 'already_labelled') return `Order ${outcome.orderId} already has its ${n} box labels; nothing was bought.`;
  return `Order ${outcome.orderId}: ${n} box label${n === 1 ? '' : 's'} ${result === 'printed' ? 'bought and printed' : 'bought'}.`;
}

function refusal(details: ReturnType<typeof problemDetails>): RunAnswer {
  return { status: details.status, body: details, keep: false, ...(details.status === 503 && { headers: { 'retry-after': '30' } }) };
}

function api(label: LabelRecord) {
  return ApiLabel.parse(label);
}

function brief(p: { code: ReturnType<typeof problemDetails>['code']; message: string; nextStep: string }) {
  return { code: p.code, message: p.message, nextStep: p.nextStep };
}
