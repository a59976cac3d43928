/** A scan held until the scale settles (the "scale must be stable" rule), then sent or refused. */
import { create } from 'zustand';
import { scanRefusal, type NextParcel } from './parcel-choice';

/** Checked every 100 ms: readings come as events, a few a second at most. */
const CHECK_MS = 100;

export const useScaleWait = create<{ waitingScan: string | null }>(() => ({ waitingScan: null }));

/**
 * Waits at most `seconds` for `decide()` to stop waiting for the scale, then sends the scan (its text
 * leaves the scan field) or refuses it (the text stays). One scan is held at a time: another Enter
 * meanwhile is not a second scan.
 */
export function holdForScale(
  scan: string,
  seconds: number,
  decide: () => NextParcel | undefined,
  send: (next: NextParcel) => void,
  refuse: (words: string) => void,
): void {
  if (useScaleWait.getState().waitingScan !== null) return;
  useScaleWait.setState({ waitingScan: scan });
  const rounds = Math.ceil((seconds * 1000) / CHECK_MS);
  let round = 0;
  const check = () => {
    const next = decide();
    if (next?.waitForScale && round++ < rounds) return void setTimeout(check, CHECK_MS);
    useScaleWait.setState({ waitingScan: null });
    if (!next) return;
    const refusal = scanRefusal(next);
    if (refusal) return refuse(refusal);
    const field = document.getElementById('scan-input');
    if (field instanceof HTMLInputElement && field.value.trim() === scan.trim()) field.value = '';
    send(next);
  };
  check();
}
