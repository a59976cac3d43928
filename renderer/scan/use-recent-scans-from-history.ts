/** Recent scans survive a restart: the station's newest labels stand in for them until a scan is made. */
import { useEffect } from 'react';
import { station } from '../api/station';
import { useScanStore } from '../state/scan-store';

let seeded = false;

export function useRecentScansFromHistory(): void {
  useEffect(() => {
    if (seeded) return;
    seeded = true;
    void station.searchHistory({ query: '', limit: 5 }).then(
      (page) => useScanStore.getState().seedRecent(page.labels),
      () => {
        seeded = false;
      },
    );
  }, []);
}
