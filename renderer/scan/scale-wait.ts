/** A scan held until the scale settles (the "scale must be stable" rule), then sent or refused. */
import { useRef, useState } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { latestScaleReading, waitForScale } from '../api/scale';
import { scanRefusal, type NextParcel } from './parcel-choice';

export function useScaleWait(queryClient: QueryClient) {
  const [waitingScan, setWaitingScan] = useState<string | null>(null);
  const holding = useRef(false);
  return {
    waitingScan,
    latestReading: () => latestScaleReading(queryClient),
    /**
     * Waits at most `seconds` for `decide()` to stop waiting for the scale, then sends the scan (its
     * text leaves the field) or refuses it (the text stays). A second Enter meanwhile is not a second scan.
     */
    holdForScale(
      scan: string,
      seconds: number,
      decide: () => NextParcel | undefined,
      send: (next: NextParcel) => void,
      refuse: (words: string) => void,
    ): void {
      if (holding.current) return;
      holding.current = true;
      setWaitingScan(scan);
      void waitForScale(seconds, () => !decide()?.waitForScale).then(() => {
        holding.current = false;
        setWaitingScan(null);
        const next = decide();
        if (!next) return;
        const refusal = scanRefusal(next);
        if (refusal) return refuse(refusal);
        const field = document.getElementById('scan-input');
        if (field instanceof HTMLInputElement && field.value.trim() === scan.trim()) field.value = '';
        send(next);
      });
    },
  };
}
