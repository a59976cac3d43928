/** The Scan screen's "This parcel" choice: the box and typed weight the next scan declares. */
import { create } from 'zustand';
import { NO_CHOICE, choiceAfterScan, type ParcelChoice } from '../scan/parcel-choice';
import type { ScanResult } from './scan-store';

interface ParcelChoiceState extends ParcelChoice {
  /** The same preset again takes it back off (the station default box). */
  togglePreset(presetId: string): void;
  setWeightText(text: string): void;
  /** After a scan: back to the default once a label was bought with the choice. */
  scanFinished(result: ScanResult): void;
}

export const useParcelChoice = create<ParcelChoiceState>((set, get) => ({
  ...NO_CHOICE,
  togglePreset(presetId) {
    set({ presetId: get().presetId === presetId ? undefined : presetId });
  },
  setWeightText(weightText) {
    set({ weightText });
  },
  scanFinished(result) {
    const { presetId, weightText } = get();
    const next = choiceAfterScan({ ...(presetId ? { presetId } : {}), weightText }, result);
    set({ presetId: next.presetId, weightText: next.weightText });
  },
}));
