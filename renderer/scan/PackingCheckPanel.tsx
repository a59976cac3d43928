import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { groupLineItems } from '../../shared/domain/shipment-rules';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useOperatorSession } from '../api/operators';
import { useSupervisorApproval } from '../operators/use-supervisor-approval';
import { usePackingCheck } from '../state/packing-check-store';
import { runScan } from '../state/run-scan';
import { Kbd } from '../ui/hotkey';
import { ProductImage } from '../split/ProductImage';

/** Escape with an empty scan field (a half-read scan is cleared first). */
const STOP_KEY = 'Esc';

/**
 * Checking the order's items before its label is bought: each item's barcode scanned in the scan
 * field checks one unit; the label is bought when every unit is checked. A supervisor may buy
 * without the check, saying why.
 */
export function PackingCheckPanel() {
  const check = usePackingCheck();
  const queryClient = useQueryClient();
  const role = useOperatorSession().data?.operator?.role;
  const { request } = useSupervisorApproval();
  const [reason, setReason] = useState('');
  const [skipping, setSkipping] = useState(false);
  if (!check.order) return null;
  const { order, checked } = check;
  const groups = groupLineItems(order.lineItems);
  const units = order.lineItems.reduce((n, i) => n + i.quantity, 0);
  const count = (ids: readonly string[]) => checked.filter((id) => ids.includes(id)).length;

  const skip = async () => {
    const approval = role === 'supervisor' ? undefined : await request(SUPERVISOR_ACTION_WORDS.skipItemCheck);
    if (approval === null) return;
    runScan(check.scan, queryClient, check.parcel, { check: { override: reason.trim() }, ...(approval && { approval }) });
    setSkipping(false);
    setReason('');
  };

  return (
    <section className="packing-check" data-testid="packing-check" aria-label="Check the items">
      <header className="packing-check-head">
        <h2>Check the items of order {order.displayName ?? order.orderId} — scan each one</h2>
        <span className="packing-check-count" data-testid="check-count">
          {checked.length} of {units}
        </span>
      </header>
      {check.last && (
        <p className={`packing-check-last tone-${check.last.tone}`} role="alert" data-testid="check-last">
          {check.last.text}
        </p>
      )}
      <ol className="packing-check-items">
        {groups.map((group) => {
          const done = count(group.lineItemIds);
          return (
            <li
              key={group.key}
              className={done >= group.units ? 'packing-check-item packing-check-done' : 'packing-check-item'}
              data-testid="check-item"
              data-sku={group.sku}
            >
              <ProductImage orderId={order.orderId} lineItemId={group.pictureItemId} name={group.name} />
              <span className="packing-check-name">
                <span className="mono">{group.sku || '(no SKU)'}</span> {group.name}
              </span>
              <span className="packing-check-units" data-testid="check-item-count">
                {done}/{group.units}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="packing-check-actions">
        <button className="button button-secondary" type="button" onClick={() => check.stop()} data-testid="check-stop">
          Stop checking <Kbd keyName={STOP_KEY} />
        </button>
        {!skipping ? (
          <button className="button button-secondary" type="button" onClick={() => setSkipping(true)} data-testid="check-skip">
            Buy without checking (supervisor)
          </button>
        ) : (
          <form
            className="packing-check-skip"
            data-own-focus
            onSubmit={(e) => {
              e.preventDefault();
              void skip();
            }}
          >
            <label>
              Why are the items not checked?
              <input
                className="text-input"
                data-testid="check-skip-reason"
                value={reason}
                autoFocus
                onChange={(e) => setReason(e.target.value)}
                maxLength={200}
              />
            </label>
            <button className="button button-danger" type="submit" disabled={reason.trim().length < 3} data-testid="check-skip-confirm">
              Buy without checking
            </button>
            <button className="button button-secondary" type="button" onClick={() => setSkipping(false)}>
              Cancel
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
