import type { BoxDraft } from './split-draft';
import { draggableUnits } from './drag-units';
import { UnitChips } from './UnitChips';
import type { SplitView } from './use-split-view';

/** What is in the box, by SKU; a row or a unit is dragged out to another box or back to the items. */
export function BoxContents({ box, view }: { box: BoxDraft; view: SplitView }) {
  const rows = view.groups
    .map((g) => ({ group: g, ids: g.lineItemIds.filter((id) => box.itemIds.includes(id)) }))
    .filter((r) => r.ids.length > 0);
  if (rows.length === 0) return <p className="split-box-empty">Empty — drag items here, or press a number key</p>;
  return (
    <ul className="split-contents" data-testid="box-contents">
      {rows.map(({ group, ids }) => (
        <li
          key={group.key}
          className="split-content"
          data-testid="box-content"
          data-sku={group.sku}
          {...(view.locked ? {} : draggableUnits(ids))}
        >
          <span className="split-content-count" data-testid="box-content-count">
            {ids.length}×
          </span>
          <span className="split-sku mono">{group.sku || '(no SKU)'}</span>
          <span className="split-content-name">{group.name}</span>
          <UnitChips itemIds={ids} disabled={view.locked} />
        </li>
      ))}
    </ul>
  );
}
