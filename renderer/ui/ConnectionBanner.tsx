import { useConnection, stationMode } from '../api/station';

/** Shown while the event connection to the station is down (browser shell only). */
export function ConnectionBanner() {
  const status = useConnection((s) => s.status);
  if (stationMode === 'web-no-token') {
    return (
      <div className="connection-banner" role="alert" data-testid="no-token-banner">
        This page has no access to the station. Open the address Label Station printed when it started (it ends with #token=…).
      </div>
    );
  }
  if (status !== 'lost') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      Connection to the station lost — reconnecting… Check that Label Station is still running.
    </div>
  );
}
