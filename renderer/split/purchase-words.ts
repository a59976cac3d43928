/** The purchase in words: why Buy waits, what a retry buys, each box's result. */
import type { ShipmentBoxOutcome, ShipmentOutcome } from '../../shared/contract';

/** Why Buy is not possible now, or null when it is. */
export function buyBlocker(input: {
  hasOrder: boolean;
  refused: boolean;
  problemCount: number;
  firstProblem?: string;
  buying: boolean;
}): string | null {
  if (!input.hasOrder) return 'Scan an order first.';
  if (input.refused) return "This order's line items cannot be split here (see above).";
  if (input.buying) return 'Buying…';
  if (input.problemCount > 0)
    return `Fix ${input.problemCount === 1 ? 'the problem' : `${input.problemCount} problems`} first${input.firstProblem ? `: ${input.firstProblem}` : '.'}`;
  return null;
}

/** The boxes a retry buys: those with nothing bought. */
export function missingBoxes(outcome: ShipmentOutcome | undefined): number[] {
  return (outcome?.boxes ?? []).filter((b) => b.state === 'failed').map((b) => b.index);
}

export function boxList(indexes: number[]): string {
  if (indexes.length <= 1) return `box ${indexes.join('')}`;
  return `boxes ${indexes.slice(0, -1).join(', ')} and ${indexes.at(-1)}`;
}

export const BOX_STATE_WORDS: Record<ShipmentBoxOutcome['state'], { text: string; tone: 'good' | 'warn' | 'bad' }> = {
  printed: { text: '✓ Printed', tone: 'good' },
  queued: { text: 'Bought — waiting for the printer', tone: 'warn' },
  print_failed: { text: 'Bought — NOT printed: reprint it from History', tone: 'bad' },
  failed: { text: '✕ Not bought', tone: 'bad' },
  checking: { text: 'No clear answer yet — set this box aside', tone: 'warn' },
};

/** The tracking number of one box: its own on a multi-parcel label, else the label's. */
export function boxTracking(box: ShipmentBoxOutcome): string | null {
  const label = box.label;
  if (!label) return null;
  return (
    label.boxes.find((b) => b.index === box.index)?.trackingNumber ??
    label.trackingNumbers[box.index - 1] ??
    label.trackingNumbers[0] ??
    null
  );
}

/** The headline over the results. */
export function outcomeTitle(outcome: ShipmentOutcome): { text: string; tone: 'good' | 'warn' | 'bad' } {
  const n = outcome.boxes.length;
  const failed = outcome.boxes.filter((b) => b.state === 'failed').length;
  if (failed === n) return { text: `No label bought — nothing was bought for the ${n} boxes`, tone: 'bad' };
  if (failed > 0) return { text: `${n - failed} of ${n} labels bought — ${boxList(missingBoxes(outcome))} still missing`, tone: 'bad' };
  if (outcome.boxes.every((b) => b.state === 'printed')) return { text: `✓ ${n} labels printed, in box order`, tone: 'good' };
  return { text: `${n} labels bought — not all printed yet`, tone: 'warn' };
}
