import { useSplitStore } from '../state/split-store';
import { moveItems, selectGroup, unassignedOf } from './split-draft';
import { groupProblems, strayItemProblems } from './plan-problems';
import { draggableUnits, useUnitDrop } from './drag-units';
import { GroupCountField } from './GroupCountField';
import { ProductImage } from './ProductImage';
import { UnitChips } from './UnitChips';
import type { SplitView } from './use-split-view';

/**
 * The order's items, equal SKUs grouped, with what is left to put in a box. The arrows choose a
 * group; a group or a unit is dragged onto a box; a unit dropped here leaves its box.
 */
export function ItemGroups({ view }: { view: SplitView }) {
  const edit = useSplitStore((s) => s.edit);
  const { groups, draft, problems, locked } = view;
  const drop = useUnitDrop((ids) => edit((d) => moveItems(d, ids, null)));
  const left = groups.reduce((n, g) => n + unassignedOf(draft, g).length, 0);
  const total = groups.reduce((n, g) => n + g.lineItemIds.length, 0);
  const stray = strayItemProblems(problems, groups);
  return (
    <section className={drop.over ? 'split-items drop-over' : 'split-items'} data-testid="split-items" aria-label="Items" {...drop.props}>
      <h2 className="split-items-title">
        Items{' '}
        <span className={left > 0 ? 'split-left split-left-open' : 'split-left split-left-done'}>
          {left === 0 ? `all ${total} in boxes` : `${left} of ${total} left`}
        </span>
      </h2>
      <ol className="split-groups">
        {groups.map((group, i) => {
          const unassigned = unassignedOf(draft, group);
          const selected = i === draft.selected;
          const lines = groupProblems(problems, group);
          return (
            <li
              key={group.key}
              className={['split-group', selected && 'split-group-selected', unassigned.length === 0 && 'split-group-done']
                .filter(Boolean)
                .join(' ')}
              data-testid="split-group"
              data-sku={group.sku}
              aria-current={selected ? 'true' : undefined}
              onClick={() => edit((d) => selectGroup(d, i, groups.length))}
              {...(locked ? {} : draggableUnits(unassigned))}
            >
              <ProductImage orderId={view.order?.orderId} lineItemId={group.pictureItemId} name={group.name} />
              <div className="split-group-text">
                <span className="split-sku mono">{group.sku || '(no SKU)'}</span>
                <span className="split-name">{group.name}</span>
                <UnitChips itemIds={unassigned} disabled={locked} />
              </div>
              <div className="split-group-figures" title="Units left to put in a box">
                <span className="split-group-left" data-testid="group-left">
                  {unassigned.length}
                </span>
                <span className="split-group-of">left of {group.lineItemIds.length}</span>
              </div>
              {selected && !locked && <GroupCountField group={group} view={view} />}
              {lines.map((line) => (
                <span key={line} className="split-problem split-group-problem" data-testid="group-problem">
                  {line}
                </span>
              ))}
            </li>
          );
        })}
      </ol>
      {stray.map((line) => (
        <p key={line} className="split-problem">
          {line}
        </p>
      ))}
    </section>
  );
}
