/** What the station did with a scan made away from the Scan screen, said once on the screen it led to. */
import { create } from 'zustand';

export interface ScanNotice {
  id: number;
  text: string;
  /** The screen that shows it. */
  on: 'scan' | 'history';
}

let lastId = 0;

export const useScanNotice = create<{ notice: ScanNotice | null; say(text: string, on: ScanNotice['on']): void; dismiss(): void }>(
  (set) => ({
    notice: null,
    say: (text, on) => set({ notice: { id: ++lastId, text, on } }),
    dismiss: () => set({ notice: null }),
  }),
);
