import { useLateLabels } from '../state/late-labels';
import { focusScanField } from '../state/scan-focus';
import { clockTime } from '../ui/format';

/**
 * Labels that turned up late and were printed here by themselves: the packer takes each to the
 * parcel set aside for it, then presses OK (the scan field gets the focus back). `except`: the label
 * the scan outcome on screen already tells about.
 */
export function LateLabelNotices({ except }: { except?: string }) {
  const notices = useLateLabels((s) => s.notices).filter((n) => n.labelId !== except);
  const dismiss = useLateLabels((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="late-notices">
      {notices.map((n) => (
        <section key={n.labelId} className="late-notice" role="status" data-testid="late-notice" data-label-id={n.labelId}>
          <div className="late-notice-text">
            <h2 className="late-notice-title">A late label turned up</h2>
            <p className="late-notice-message">{n.message}</p>
          </div>
          <span className="late-notice-when">{clockTime(n.at)}</span>
          <button
            className="button late-notice-ok"
            type="button"
            onClick={() => {
              dismiss(n.labelId);
              focusScanField();
            }}
            data-testid="late-notice-ok"
          >
            OK
          </button>
        </section>
      ))}
    </div>
  );
}
