/** Everything a key, a scan or a button of the splitter does. */
import { useQueryClient } from '@tanstack/react-query';
import { useSplitStore, lastOutcome } from '../state/split-store';
import { useNav } from '../state/nav';
import { sounds } from '../ui/sounds';
import { useBuyShipment } from '../api/shipments';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { suggestShipment } from '../../shared/domain/shipment-rules';
import {
  addBox,
  addUnits,
  applySuggestion,
  choosePreset,
  moveBox,
  removeBox,
  scanSku,
  selectGroup,
  setCurrent,
  takeUnits,
  unassignedOf,
} from './split-draft';
import { buyPlan, openOrder } from './split-actions';
import { buyBlocker, missingBoxes } from './purchase-words';
import type { SplitCommand } from './split-keys';
import type { SplitView } from './use-split-view';

export function useSplitCommands(view: SplitView, focusOrderField: () => void) {
  const queryClient = useQueryClient();
  const go = useNav((s) => s.go);
  const buy = useBuyShipment();
  const approved = useApprovedCall();
  const store = useSplitStore;
  const { order, groups, draft, units, presets, purchase, problems } = view;

  const blocker = buyBlocker({
    hasOrder: order !== null,
    refused: view.refusal !== null,
    problemCount: problems.count,
    firstProblem: [
      ...problems.general,
      ...problems.boxes.flatMap((b) => [...b.box, ...b.size, ...b.weight]),
      ...[...problems.items.values()].flat(),
    ][0],
    buying: purchase.phase === 'buying',
  });
  const missing = missingBoxes(lastOutcome(purchase));
  const retrying = view.locked && missing.length > 0 && (purchase.phase === 'done' || purchase.phase === 'refused');
  // A retry sends the same boxes and items, with the size and weight of the missing boxes as corrected.
  const retryPlan = retrying ? view.plan : null;
  const retryProblem = view.open.flatMap((i) => [...(problems.boxes[i]?.size ?? []), ...(problems.boxes[i]?.weight ?? [])])[0];
  const retryBlocker = retryProblem
    ? `Fix box ${view.open.find((i) => problems.boxes[i]?.size.length || problems.boxes[i]?.weight.length)! + 1} first: ${retryProblem}`
    : null;

  const say = (tone: 'good' | 'bad' | 'info', text: string) => store.getState().say({ tone, text });

  async function buyNow() {
    const plan = retryPlan ? (retryBlocker ? null : retryPlan) : blocker === null ? view.plan : null;
    if (!plan || !order) {
      say('bad', (retrying ? retryBlocker : blocker) ?? 'Nothing is missing: every box has its label.');
      sounds.error();
      return;
    }
    const action = `buy ${plan.boxes.length} labels for order ${order.displayName ?? order.orderId} (split into boxes)`;
    await buyPlan(plan, action, { buy: (input) => buy.mutateAsync(input), approved });
  }

  function scanned(text: string) {
    if (!order || view.refusal) {
      void openOrder(text, queryClient, units);
      return;
    }
    const trimmed = text.trim();
    if (trimmed === order.orderId || trimmed === order.displayName) {
      say('info', 'That is the order on screen.');
      return;
    }
    if (view.locked) {
      say('bad', 'Labels were bought for this plan: it cannot change.');
      sounds.error();
      return;
    }
    const { draft: next, result } = scanSku(draft, order, groups, trimmed);
    if (result.kind === 'refused') {
      say('bad', `${result.message} Nothing changed.`);
      sounds.error();
      return;
    }
    store.getState().edit(() => next);
    say('good', `${result.units}× ${result.group.sku} into box ${result.box + 1}`);
    sounds.success();
  }

  function moveSelected(count: number) {
    const group = groups[draft.selected];
    if (!group) return;
    if (count > 0) {
      const left = unassignedOf(draft, group).length;
      if (left === 0) {
        say('bad', `No ${group.sku} left to put in a box.`);
        return;
      }
      store.getState().edit((d) => addUnits(d, group, d.current, count));
      say('good', `${Math.min(count, left)}× ${group.sku} into box ${draft.current + 1}`);
    } else {
      store.getState().edit((d) => takeUnits(d, group, d.current, -count));
    }
  }

  function run(command: SplitCommand) {
    const edit = store.getState().edit;
    switch (command.kind) {
      case 'back':
        go('scan');
        return;
      case 'order-field':
        focusOrderField();
        return;
      case 'scan':
        scanned(command.text);
        return;
      case 'buy':
        void buyNow();
        return;
    }
    if (!order || view.refusal) return;
    switch (command.kind) {
      case 'select':
        edit((d) => selectGroup(d, d.selected + command.delta, groups.length));
        return;
      case 'box':
        edit((d) => setCurrent(d, d.current + command.delta));
        return;
      case 'move-box':
        edit((d) => moveBox(d, d.current, d.current + command.delta));
        return;
      case 'units':
        moveSelected(command.count);
        return;
      case 'plus':
        moveSelected(1);
        return;
      case 'minus':
        moveSelected(-1);
        return;
      case 'preset': {
        const preset = presets[command.index];
        if (preset) edit((d) => choosePreset(d, d.current, preset));
        return;
      }
      case 'add-box':
        edit((d) => addBox(d, units));
        return;
      case 'remove-box':
        edit((d) => removeBox(d, d.current, units));
        return;
      case 'suggest':
        edit((d) => applySuggestion(d, suggestShipment(order, presets, view.rule, view.limits)));
        say('info', 'Boxes suggested: check them, weigh each box, then buy.');
        return;
    }
  }

  return { run, blocker, retryBlocker, buyNow };
}
