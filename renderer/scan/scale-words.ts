/** How the Scan screen shows a scale reading: its weight as the scale shows it and a mark. */
import type { ScaleReading } from '../../shared/domain/scale';
import { formatWeight } from '../../shared/domain/units';

export interface ScaleView {
  /** stable: the label takes this weight; moving: settling or empty; fault: nothing to take. */
  kind: 'off' | 'stable' | 'moving' | 'fault';
  weight?: string;
  mark: string;
  note?: string;
}

export function scaleView(reading: ScaleReading | undefined): ScaleView {
  if (!reading) return { kind: 'moving', mark: 'SCALE…', note: 'Waiting for the scale' };
  const weight = reading.weight ? formatWeight(reading.weight) : undefined;
  switch (reading.state) {
    case 'off':
      return { kind: 'off', mark: '' };
    case 'stable':
      return { kind: 'stable', mark: '✔ STABLE', ...(weight && { weight }) };
    case 'in_motion':
      return { kind: 'moving', mark: '~ SETTLING', ...(weight && { weight }) };
    case 'zero':
      return { kind: 'moving', mark: 'EMPTY', ...(weight && { weight }), note: 'Put the parcel on the scale' };
    case 'connecting':
      return { kind: 'moving', mark: 'SCALE…', note: reading.message };
    default:
      return { kind: 'fault', mark: '✖ NO WEIGHT', note: reading.message };
  }
}
