import type { ScaleReading } from '../../shared/domain/scale';
import { scaleView } from './scale-words';

/**
 * The scale's live weight, large, with a clear mark: "STABLE" (green, the weight the label takes),
 * "SETTLING" (amber), or what is wrong with the scale (red). Nothing when no scale is set up.
 */
export function ScaleDisplay({ reading }: { reading: ScaleReading | undefined }) {
  const view = scaleView(reading);
  if (view.kind === 'off') return null;
  return (
    <div className={`scale-display scale-${view.kind}`} data-testid="scale-display" data-state={reading?.state ?? 'unknown'} role="status">
      {view.kind !== 'fault' && (
        <span className="scale-weight" data-testid="scale-weight">
          {view.weight ?? '—'}
        </span>
      )}
      <span className="scale-mark" data-testid="scale-mark">
        {view.mark}
      </span>
      {view.note && <span className="scale-note">{view.note}</span>}
    </div>
  );
}
