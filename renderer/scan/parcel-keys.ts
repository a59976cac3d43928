/** The "This parcel" strip's keys: Alt+0 the station's box, Alt+1…Alt+9 a preset, Alt+W the weight. */
export const PARCEL_KEYS = {
  stationBox: 'Alt+0',
  weight: 'Alt+W',
  preset: (index: number) => `Alt+${index + 1}`,
} as const;

export type ParcelKey = { kind: 'station-box' } | { kind: 'preset'; index: number } | { kind: 'weight' };

export function parcelKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey'>): ParcelKey | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const digit = /^Digit([0-9])$/.exec(e.code)?.[1] ?? (/^[0-9]$/.test(e.key) ? e.key : undefined);
  if (digit === '0') return { kind: 'station-box' };
  if (digit) return { kind: 'preset', index: Number(digit) - 1 };
  if (e.code === 'KeyW' || e.key.toLowerCase() === 'w') return { kind: 'weight' };
  return null;
}
