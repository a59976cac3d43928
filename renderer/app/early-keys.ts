/**
 * Keys a scanner typed while no scan field was on screen yet: during start-up (React commits after
 * the page's load event) or right after switching to the Scan screen. The scan field claims them
 * when it mounts, so the first digits of a burst are never lost. Only the last second is kept:
 * older keys were not meant for the scan field.
 */
const MAX_AGE_MS = 1000;
const buffer: Array<{ key: string; at: number }> = [];
let claimed = false;

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function installEarlyKeyBuffer(): void {
  window.addEventListener(
    'keydown',
    (e) => {
      if (claimed || isEditable(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key.length !== 1 && e.key !== 'Enter') return;
      buffer.push({ key: e.key === 'Enter' ? '\n' : e.key, at: performance.now() });
      if (buffer.length > 128) buffer.shift();
    },
    true,
  );
}

/** Takes the recent keys (Enter as '\n') and stops buffering until released. */
export function claimEarlyKeys(): string {
  claimed = true;
  const now = performance.now();
  const keys = buffer
    .filter((k) => now - k.at <= MAX_AGE_MS)
    .map((k) => k.key)
    .join('');
  buffer.length = 0;
  return keys;
}

export function releaseEarlyKeys(): void {
  claimed = false;
}
