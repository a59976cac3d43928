/**
 * A scan that arrived while nobody was signed in is not lost: it is kept here and scanned as soon as
 * somebody signs in (the sign-in screen says so).
 */
import { create } from 'zustand';

export const usePendingScan = create<{ scan: string | null; keep(scan: string): void; take(): string | null }>((set, get) => ({
  scan: null,
  keep: (scan) => set({ scan }),
  take: () => {
    const { scan } = get();
    set({ scan: null });
    return scan;
  },
}));

/** Looks like an order (TikTok's 18 digits, a Shopify #number), not a badge. */
export function looksLikeOrder(text: string): boolean {
  const t = text.trim();
  return /^\d{18}$/.test(t) || /^#\d{3,10}$/.test(t);
}
