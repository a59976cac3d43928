/**
 * The one StationApi the screens use: `window.station` from the Electron preload when present,
 * otherwise a client of the browser shell (token from `#token=...`, kept for reloads in sessionStorage).
 */
import { create } from 'zustand';
import type { StationApi } from '../../shared/contract';
import { buildStationClient } from '../../shared/client';
import { createWebTransport, type ConnectionStatus } from './web-transport';

declare global {
  interface Window {
    station?: StationApi;
  }
}

export type StationMode = 'electron' | 'web' | 'web-no-token';

const TOKEN_KEY = 'labelStation.token';

export const useConnection = create<{ status: ConnectionStatus }>(() => ({ status: 'connecting' }));

/** Reads the token from the address, stores it for reloads, and takes it out of the visible URL. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function createStation(): { api: StationApi; mode: StationMode } {
  if (window.station) {
    useConnection.setState({ status: 'open' });
    return { api: window.station, mode: 'electron' };
  }
  const token = takeToken();
  const transport = createWebTransport({
    baseUrl: window.location.origin,
    token: token ?? '',
    onConnectionChange: (status) => useConnection.setState({ status }),
  });
  return { api: buildStationClient(transport), mode: token ? 'web' : 'web-no-token' };
}

const created = createStation();
export const station: StationApi = created.api;
export const stationMode: StationMode = created.mode;
