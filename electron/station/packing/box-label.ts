/**
 * A box (or the whole set) that already has a label from an earlier attempt or another station:
 * never bought again. A label never printed is printed now; one whose purchase got no clear answer
 * is asked about once and otherwise left to the background checks (the box waits, set aside).
 */
import type { ShipmentBoxOutcome } from '../../../shared/contract';
import { isUncertain } from '../../../shared/domain/labels';
import { PROVIDER_TITLES } from '../../../shared/domain/providers';
import { toPublic, type StoredLabel } from '../history';
import { askProvider, checkingWindowOpen, labelChecking, printFirstTime, type ScanJobDeps } from '../labels';

/** What became of a box (or of every box one label covers). */
export type BoxResult = Omit<ShipmentBoxOutcome, 'index' | 'count'>;

export async function settleBoxLabel(deps: ScanJobDeps, existing: StoredLabel): Promise<BoxResult> {
  const quiet = () => undefined;
  if (existing.status === 'bought') return printBought(deps, existing, true, quiet);
  if (!isUncertain(existing.status)) {
    const state = existing.status === 'printed' ? 'printed' : existing.status === 'queued' ? 'queued' : 'print_failed';
    return {
      state,
      earlier: true,
      label: toPublic(existing),
      ...(state === 'print_failed' && {
        problem: {
          code: 'print_failed' as const,
          message: existing.error ?? 'This box’s label was bought earlier but did not print.',
          nextStep: 'Reprint it from History.',
        },
      }),
    };
  }
  const title = PROVIDER_TITLES[existing.provider];
  const until = existing.checkUntil ?? deps.now().toISOString();
  if (existing.status === 'buying' && checkingWindowOpen(existing, deps.now())) {
    return {
      state: 'checking',
      earlier: true,
      label: toPublic(existing),
      problem: {
        code: 'order_busy',
        message: `This box’s label is being bought${existing.station ? ` at ${existing.station}` : ''} right now.`,
        nextStep: 'Wait for it to finish, then open the order again.',
      },
    };
  }
  const answer = await askProvider(deps, existing);
  if (answer.state === 'found') return printBought(deps, answer.label, true, quiet);
  deps.printWhenFound.add(existing.id);
  return { state: 'checking', earlier: true, label: toPublic(existing), problem: labelChecking(existing.orderId, title, until) };
}

/** Prints a label bought now or earlier (never printed) and says what became of its boxes. */
export async function printBought(
  deps: ScanJobDeps,
  label: StoredLabel,
  earlier: boolean,
  onStep: (message: string) => void,
): Promise<BoxResult> {
  onStep(`Printing ${label.boxes.length > 1 ? `${label.boxes.length} labels` : 'the label'} of order ${label.orderId}…`);
  const printed = await printFirstTime(deps, label);
  return {
    state: printed.state,
    earlier,
    label: toPublic(printed.label),
    ...(printed.state !== 'printed' && { problem: printed.problem }),
  };
}
