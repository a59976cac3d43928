import { useEffect, useRef } from 'react';
import type { ShipmentBoxOutcome } from '../../shared/contract';
import type { ShipmentPlan } from '../../shared/domain/shipments';
import { lastOutcome, type Purchase } from '../state/split-store';
import { ProblemBox } from '../ui/ProblemBox';
import { BOX_STATE_WORDS, boxList, boxTracking, missingBoxes, outcomeTitle } from './purchase-words';
import { SPLIT_KEYS } from './split-keys';
import type { ItemGroup } from '../../shared/domain/shipment-rules';

/** The purchase: its progress, then each box's result in box order, and a retry of the missing boxes only. */
export function PurchasePanel({
  purchase,
  groups,
  retryBlocker,
  onRetry,
}: {
  purchase: Purchase;
  groups: ItemGroup[];
  /** Why the retry waits: a problem with the size or weight of a box still to buy. */
  retryBlocker: string | null;
  onRetry: () => void;
}) {
  const panel = useRef<HTMLElement>(null);
  // Buying, then its results: the top of the screen, whatever box was in view.
  useEffect(() => {
    if (panel.current) window.scrollTo({ top: 0 });
  }, [purchase.phase]);
  if (purchase.phase === 'none') return null;
  const outcome = lastOutcome(purchase);
  const missing = missingBoxes(outcome);
  const title = outcome ? outcomeTitle(outcome) : null;
  return (
    <section
      ref={panel}
      className={`outcome outcome-${purchase.phase === 'buying' ? 'warn' : (title?.tone ?? 'bad')} split-purchase`}
      data-testid="split-purchase"
      aria-live="assertive"
    >
      <div className="outcome-body">
        {purchase.phase === 'buying' && (
          <h2 className="outcome-title">Buying {purchase.plan.boxes.length} labels, one per box — keep the boxes on the table</h2>
        )}
        {purchase.phase === 'buying' && (
          <p className="step-message" role="status" data-testid="split-buying">
            <span className="spinner" aria-hidden="true" />
            {purchase.message}
          </p>
        )}
        {purchase.phase === 'refused' && (
          <>
            <h2 className="outcome-title">{outcome ? 'The retry bought nothing' : 'No label — nothing was bought'}</h2>
            <ProblemBox problem={purchase.problem} size="large" />
          </>
        )}
        {purchase.phase === 'done' && title && (
          <h2 className="outcome-title" data-testid="split-result-title">
            {title.text}
          </h2>
        )}
        {outcome && (
          <ol className="split-results">
            {outcome.boxes.map((box) => (
              <BoxResult key={box.index} box={box} plan={purchase.plan} groups={groups} />
            ))}
          </ol>
        )}
        {outcome?.boxes.some((b) => b.label?.sandbox) && (
          <p className="sandbox-note">SANDBOX labels — do not ship these boxes with them.</p>
        )}
        {purchase.phase === 'done' && missing.length === 0 && (
          <p className="panel-text strong">
            Next: scan the next order to split <kbd>{SPLIT_KEYS.orderField}</kbd> or go back to Scan <kbd>{SPLIT_KEYS.back}</kbd>
          </p>
        )}
        {missing.length > 0 && purchase.phase !== 'buying' && (
          <div className="split-retry">
            <button className="button button-big" data-testid="split-retry" onClick={onRetry} disabled={retryBlocker !== null}>
              Retry missing boxes <kbd>{SPLIT_KEYS.buy}</kbd>
            </button>
            <p className="panel-text strong">
              Buys only {boxList(missing)}. The labels already bought are kept and never bought again.
              {retryBlocker === null && ` The size and weight of ${boxList(missing)} may be corrected below first.`}
            </p>
            {retryBlocker && (
              <p className="split-blocker" data-testid="retry-blocker">
                {retryBlocker}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function BoxResult({ box, plan, groups }: { box: ShipmentBoxOutcome; plan: ShipmentPlan; groups: ItemGroup[] }) {
  const words = BOX_STATE_WORDS[box.state];
  const tracking = boxTracking(box);
  const ids = plan.boxes[box.index - 1]?.itemIds ?? [];
  const contents = groups
    .map((g) => ({ sku: g.sku || g.name, n: g.lineItemIds.filter((id) => ids.includes(id)).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${c.n}× ${c.sku}`)
    .join(', ');
  return (
    <li className={`split-result split-result-${words.tone}`} data-testid="split-result" data-state={box.state}>
      <span className="split-result-box">
        Box {box.index} of {box.count}
      </span>
      <span className="split-result-state">
        {words.text}
        {box.earlier && box.state !== 'failed' && <span className="muted"> (bought earlier, kept)</span>}
      </span>
      {tracking && (
        <span className="split-result-tracking mono" data-testid="split-result-tracking">
          {tracking}
        </span>
      )}
      <span className="split-result-items">{contents}</span>
      {box.problem && <ProblemBox problem={box.problem} />}
    </li>
  );
}
