import { SPLIT_KEYS } from './split-keys';

/** Suggest, Add box and Buy, with the reason Buy waits. */
export function BuyBar({
  blocker,
  boxes,
  locked,
  onSuggest,
  onAddBox,
  onBuy,
}: {
  blocker: string | null;
  boxes: number;
  locked: boolean;
  onSuggest: () => void;
  onAddBox: () => void;
  onBuy: () => void;
}) {
  return (
    <div className="split-buybar">
      <button className="button button-secondary" data-testid="split-suggest" onClick={onSuggest} disabled={locked}>
        Suggest boxes <kbd>{SPLIT_KEYS.suggest}</kbd>
      </button>
      <button className="button button-secondary" data-testid="split-add-box" onClick={onAddBox} disabled={locked}>
        Add box <kbd>{SPLIT_KEYS.addBox}</kbd>
      </button>
      <p className={blocker ? 'split-blocker' : 'split-ready'} data-testid="buy-blocker" role="status">
        {blocker ?? `Ready: ${boxes} ${boxes === 1 ? 'label' : 'labels'}, printed in box order.`}
      </p>
      <button className="button button-big split-buy" data-testid="split-buy" onClick={onBuy} disabled={blocker !== null}>
        Buy {boxes} {boxes === 1 ? 'label' : 'labels'} <kbd>{SPLIT_KEYS.buy}</kbd>
      </button>
    </div>
  );
}
