import { forwardRef } from 'react';
import { useSplitStore } from '../state/split-store';
import { useNav } from '../state/nav';
import { ProblemBox } from '../ui/ProblemBox';
import { SPLIT_KEYS } from './split-keys';

const SOURCE_WORDS = { tiktok: 'TikTok Shop', shopify: 'Shopify', file: 'WMS order file', scan: 'the scan only' } as const;

/** The splitter's own order field (scan or type an order, Enter), and the order on screen. */
export const SplitOrderBar = forwardRef<HTMLInputElement, { onOrder: (scan: string) => void }>(function SplitOrderBar({ onOrder }, ref) {
  const order = useSplitStore((s) => s.order);
  const lookup = useSplitStore((s) => s.lookup);
  const go = useNav((s) => s.go);
  const units = order?.lineItems.reduce((n, i) => n + i.quantity, 0) ?? 0;
  return (
    <div className="split-orderbar">
      <div className="split-orderline">
        <label className="split-order-field">
          <span className="split-order-label">
            Order <kbd>{SPLIT_KEYS.orderField}</kbd>
          </span>
          <input
            ref={ref}
            id="split-order-input"
            data-testid="split-order-input"
            className="text-input split-order-input mono"
            autoComplete="off"
            spellCheck={false}
            placeholder="Scan an order"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                const text = e.currentTarget.value;
                e.currentTarget.value = '';
                onOrder(text);
              }
            }}
          />
        </label>
        {order && (
          <dl className="split-order-facts" data-testid="split-order">
            <div>
              <dt>{order.displayName ? order.displayName : 'Order'}</dt>
              <dd className="mono strong" data-testid="split-order-id">
                {order.orderId}
              </dd>
            </div>
            <div>
              <dt>Units</dt>
              <dd className="strong">{units}</dd>
            </div>
            <div>
              <dt>Items from</dt>
              <dd>{SOURCE_WORDS[order.source]}</dd>
            </div>
          </dl>
        )}
        {lookup.phase === 'loading' && (
          <span className="split-loading" role="status">
            <span className="spinner" aria-hidden="true" /> Reading order {lookup.scan}…
          </span>
        )}
        <button className="button button-secondary split-back" data-testid="split-back" onClick={() => go('scan')}>
          Back to Scan <kbd>{SPLIT_KEYS.back}</kbd>
        </button>
      </div>
      {lookup.phase === 'failed' && (
        <div data-testid="split-lookup-failed">
          <ProblemBox problem={{ ...lookup.problem, message: `Order ${lookup.scan}: ${lookup.problem.message}` }} />
        </div>
      )}
    </div>
  );
});
