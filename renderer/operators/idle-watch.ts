/** Calls `onIdle` once `minutes` pass without a key, a click or a wheel turn on `target`; returns the stop function. */
const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

export function watchIdle(target: EventTarget, minutes: number, onIdle: () => void): () => void {
  if (minutes <= 0) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, minutes * 60_000);
  };
  restart();
  for (const event of ACTIVITY) target.addEventListener(event, restart, { capture: true, passive: true });
  return () => {
    clearTimeout(timer);
    for (const event of ACTIVITY) target.removeEventListener(event, restart, { capture: true });
  };
}
