import { draggableUnits } from './drag-units';

/** One chip per unit (line item), each dragged alone onto a box. */
export function UnitChips({ itemIds, disabled }: { itemIds: string[]; disabled: boolean }) {
  if (itemIds.length === 0) return null;
  return (
    <span className="unit-chips">
      {itemIds.map((id) => (
        <span
          key={id}
          className="unit-chip"
          data-testid="unit-chip"
          data-item={id}
          title={`Line item ${id}`}
          {...(disabled ? {} : draggableUnits([id]))}
        >
          ■
        </span>
      ))}
    </span>
  );
}
