import { useScanStore } from '../state/scan-store';
import { lastScannedOrder } from '../split/last-scanned-order';
import { useOpenSplitter } from '../split/open-splitter';

/** Opens the splitter on the order last scanned (F6): a supervisor puts its items into several boxes. */
export function SplitOrderButton() {
  const result = useScanStore((s) => s.result);
  const orderId = useScanStore((s) => s.orderId);
  const openSplitter = useOpenSplitter();
  const last = lastScannedOrder({ result, orderId });
  const id = last && ('order' in last ? last.order.orderId : last.orderId);
  return (
    <button className="button button-secondary split-open" data-testid="open-splitter" onClick={openSplitter}>
      {id ? (
        <>
          Split order <span className="mono">…{id.slice(-6)}</span> into boxes
        </>
      ) : (
        'Split an order into boxes'
      )}{' '}
      <kbd>F6</kbd>
    </button>
  );
}
