/** Which screen is shown, and what History should open with (a search, a label's details). */
import { create } from 'zustand';

export type Screen = 'scan' | 'split' | 'history' | 'settings' | 'batch' | 'health';

interface NavState {
  screen: Screen;
  historyQuery: string;
  /** A label History opens the details of, once. */
  historyLabelId: string | null;
  go(screen: Screen, historyQuery?: string): void;
  /** Opens History on one label: searched by its order ID, details shown. */
  openLabel(labelId: string, orderId: string): void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'scan',
  historyQuery: '',
  historyLabelId: null,
  go: (screen, historyQuery) =>
    set(historyQuery === undefined ? { screen, historyLabelId: null } : { screen, historyQuery, historyLabelId: null }),
  openLabel: (labelId, orderId) => set({ screen: 'history', historyQuery: orderId, historyLabelId: labelId }),
}));
