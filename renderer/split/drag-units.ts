/**
 * Drag and drop of units with the browser's own HTML5 drag and drop: a unit chip or a whole item
 * group is dragged onto a box (into it) or onto the item list (out of every box). The line item IDs
 * travel in the drag data under the station's own type, so nothing else can be dropped.
 */
import { useState, type DragEvent } from 'react';

const UNITS_TYPE = 'application/x-label-station-units';

/** Props for something that can be dragged: its line item IDs. */
export function draggableUnits(itemIds: string[]) {
  return {
    draggable: itemIds.length > 0,
    onDragStart: (e: DragEvent) => {
      // A unit chip inside a dragged group row: the chip's own units, not the whole group.
      e.stopPropagation();
      e.dataTransfer.setData(UNITS_TYPE, JSON.stringify(itemIds));
      e.dataTransfer.effectAllowed = 'move';
    },
  };
}

function carriesUnits(e: DragEvent): boolean {
  return e.dataTransfer.types.includes(UNITS_TYPE);
}

/** Props and highlight for a place units can be dropped on. */
export function useUnitDrop(onDrop: (itemIds: string[]) => void) {
  const [over, setOver] = useState(false);
  const props = {
    onDragOver: (e: DragEvent) => {
      if (!carriesUnits(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (!over) setOver(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setOver(false);
    },
    onDrop: (e: DragEvent) => {
      setOver(false);
      if (!carriesUnits(e)) return;
      e.preventDefault();
      e.stopPropagation();
      try {
        const ids: unknown = JSON.parse(e.dataTransfer.getData(UNITS_TYPE));
        if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) onDrop(ids);
      } catch {
        // Not ours after all: nothing moves.
      }
    },
  };
  return { over, props };
}
