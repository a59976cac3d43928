import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSplitStore } from '../state/split-store';
import { BoxCard } from './BoxCard';
import { BuyBar } from './BuyBar';
import { ItemGroups } from './ItemGroups';
import { KeyHelp } from './KeyHelp';
import { PurchasePanel } from './PurchasePanel';
import { SourceRefusal } from './SourceRefusal';
import { SplitOrderBar } from './SplitOrderBar';
import { FieldProblems } from './FieldProblems';
import { openOrder } from './split-actions';
import { useSplitCommands } from './use-split-commands';
import { useSplitKeys } from './use-split-keys';
import { useSplitView } from './use-split-view';

/**
 * The splitter: a supervisor puts an order's units into boxes (keys, scanner, drag and drop, typed
 * counts), sizes and weighs each box, and buys one label per box, printed in box order.
 */
export function SplitScreen() {
  const queryClient = useQueryClient();
  const view = useSplitView();
  const notice = useSplitStore((s) => s.notice);
  const orderField = useRef<HTMLInputElement>(null);
  const focusOrderField = () => {
    orderField.current?.focus();
    orderField.current?.select();
  };
  const commands = useSplitCommands(view, focusOrderField);
  useSplitKeys(commands.run);
  const { order, draft, refusal, purchase, problems } = view;

  // No order yet: the order field has the focus, ready for a scan.
  useEffect(() => {
    if (!order) orderField.current?.focus();
    else if (document.activeElement === orderField.current) orderField.current?.blur();
  }, [order]);

  return (
    <div className="split-screen" data-testid="split-screen">
      <SplitOrderBar ref={orderField} onOrder={(scan) => void openOrder(scan, queryClient, view.units)} />
      {order && !refusal && !view.locked && <KeyHelp />}
      {notice && (
        <p className={`split-notice split-notice-${notice.tone}`} data-testid="split-notice" role="status">
          {notice.text}
        </p>
      )}
      {!order && (
        <section className="idle-help">
          <h2>Split an order into boxes</h2>
          <p>Scan the order barcode (or type the order and press Enter). Its items are listed here to put into boxes.</p>
          <p className="muted">Each box gets its own label, printed in box order. Press Esc to go back to Scan.</p>
        </section>
      )}
      {order && refusal && <SourceRefusal refusal={refusal} />}
      <PurchasePanel purchase={purchase} groups={view.groups} retryBlocker={commands.retryBlocker} onRetry={() => void commands.buyNow()} />
      {order && !refusal && (
        <>
          <div className="split-work">
            <ItemGroups view={view} />
            <div className="split-boxes-area">
              <FieldProblems messages={problems.general} testId="plan-problem" />
              <div className="split-boxes">
                {draft.boxes.map((box, i) => (
                  <BoxCard key={box.key} box={box} index={i} view={view} />
                ))}
              </div>
            </div>
          </div>
          {!view.locked && (
            <BuyBar
              blocker={commands.blocker}
              boxes={draft.boxes.length}
              locked={view.locked}
              onSuggest={() => commands.run({ kind: 'suggest' })}
              onAddBox={() => commands.run({ kind: 'add-box' })}
              onBuy={() => commands.run({ kind: 'buy' })}
            />
          )}
        </>
      )}
    </div>
  );
}
