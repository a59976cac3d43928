/** The top bar's status light: green, amber or red with its first reason; a click opens the Health panel. */
import { useHealth, useHealthEvents } from '../api/health';
import { useNav } from '../state/nav';
import { LIGHT_WORDS } from './health-words';

export function HealthLight() {
  useHealthEvents();
  const health = useHealth();
  const go = useNav((s) => s.go);
  const light = health.data?.light;
  const reasons = health.data?.reasons ?? [];
  const first = reasons[0]?.text;
  const more = reasons.length > 1 ? ` (+${reasons.length - 1} more)` : '';
  const words = light ? (first ? `${first}${more}` : LIGHT_WORDS.green) : health.isError ? 'Health unknown' : '…';
  return (
    <button
      type="button"
      className={`health-light health-light-${light ?? 'unknown'}`}
      data-testid="health-light"
      data-light={light ?? 'unknown'}
      title={reasons.map((r) => r.text).join('\n') || 'Station health: all good. Click for the figures.'}
      onClick={() => go('health')}
    >
      <span className="health-dot" aria-hidden="true" />
      <span className="health-light-words">{words}</span>
    </button>
  );
}
