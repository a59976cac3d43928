/** Which screen is shown. */
import { create } from 'zustand';

export type Screen = 'scan' | 'history' | 'settings';

export const useNav = create<{ screen: Screen; historyQuery: string; go(screen: Screen, historyQuery?: string): void }>((set) => ({
  screen: 'scan',
  historyQuery: '',
  go: (screen, historyQuery) => set(historyQuery === undefined ? { screen } : { screen, historyQuery }),
}));
