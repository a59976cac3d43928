import type { LabelBox } from '../../shared/domain/shipments';
import { ReprintButton } from '../ui/ReprintButton';
import { boxesWord, formatSize, formatWeight } from './label-boxes-words';

/**
 * A split shipment's boxes on a label: box k of n, its tracking number, line items, size and weight;
 * `reprint` (a label that may be reprinted and covers several boxes): each box reprints alone.
 */
export function LabelBoxes({
  boxes,
  labelId,
  orderId,
  reprint,
}: {
  boxes: LabelBox[];
  labelId: string;
  orderId: string;
  reprint: boolean;
}) {
  if (boxes.length === 0) return null;
  return (
    <>
      <h3>{boxesWord(boxes)}</h3>
      <ol className="label-boxes" data-testid="label-boxes">
        {boxes.map((box) => (
          <li key={box.index} className="label-box" data-testid="label-box">
            <span className="label-box-title">
              Box {box.index} of {box.count}
            </span>
            <span className="mono">{box.trackingNumber ?? 'no tracking number'}</span>
            <span>
              {formatSize(box.dimension)} · {formatWeight(box.weight)}
            </span>
            <span className="label-box-items">
              {box.itemIds.length} line item{box.itemIds.length === 1 ? '' : 's'}: <span className="mono">{box.itemIds.join(', ')}</span>
            </span>
            {reprint && boxes.length > 1 && (
              <ReprintButton
                labelId={labelId}
                box={box.index}
                size="small"
                label={`Reprint box ${box.index} only`}
                subject={`Order ${orderId} — box ${box.index} of ${box.count}`}
              />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** "Box 2 of 3" (or "Boxes 1–3 of 3") under the order ID in the History table. */
export function BoxesTag({ boxes }: { boxes: LabelBox[] }) {
  if (boxes.length === 0) return null;
  return (
    <span className="boxes-tag" data-testid="history-boxes">
      {boxesWord(boxes)}
    </span>
  );
}
