/** A split shipment's boxes in words for History. */
import type { Dimension, Weight } from '../../shared/domain/parcels';
import type { LabelBox } from '../../shared/domain/shipments';

function figure(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function formatSize(d: Dimension): string {
  return `${figure(d.width)} × ${figure(d.height)} × ${figure(d.depth)} ${d.unit}`;
}

export function formatWeight(w: Weight): string {
  return `${figure(w.value)} ${w.unit}`;
}

/** "Box 2 of 3" for a label of one box; "Boxes 1–3 of 3" for a label covering several. */
export function boxesWord(boxes: LabelBox[]): string {
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (!first || !last) return '';
  return boxes.length === 1 ? `Box ${first.index} of ${first.count}` : `Boxes ${first.index}–${last.index} of ${first.count}`;
}
