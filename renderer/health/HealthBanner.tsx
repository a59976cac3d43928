/** Under the top bar while the light is amber or red: the reasons in words, and the way to the Health panel. */
import { useHealth } from '../api/health';
import { useNav } from '../state/nav';

export function HealthBanner() {
  const health = useHealth();
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const report = health.data;
  if (!report || report.light === 'green' || screen === 'health') return null;
  const [first, ...rest] = report.reasons;
  return (
    <div className={`health-banner health-banner-${report.light}`} role="status" data-testid="health-banner">
      <span className="health-dot" aria-hidden="true" />
      <span className="health-banner-words">
        {first?.text}
        {rest.length > 0 && <span className="muted"> · and {rest.length} more</span>}
      </span>
      <button type="button" className="button button-small" onClick={() => go('health')}>
        Health panel
      </button>
    </div>
  );
}
