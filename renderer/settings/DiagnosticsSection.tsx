import { useState } from 'react';
import { station } from '../api/station';
import { toProblem } from '../api/problem';
import type { Problem } from '../../shared/errors';
import { ProblemBox } from '../ui/ProblemBox';

/**
 * "Copy diagnostics": versions, set-up and the latest log lines, without secrets, onto the
 * clipboard for support. Where the clipboard cannot be written (no permission), the text is shown
 * selected so Ctrl+C takes it.
 */
export function DiagnosticsSection() {
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' | 'copied' } | { kind: 'shown'; text: string } | { kind: 'failed'; problem: Problem }
  >({
    kind: 'idle',
  });
  const copy = async () => {
    setState({ kind: 'busy' });
    try {
      const { text } = await station.getDiagnostics({});
      try {
        await navigator.clipboard.writeText(text);
        setState({ kind: 'copied' });
      } catch {
        setState({ kind: 'shown', text });
      }
    } catch (error) {
      setState({ kind: 'failed', problem: toProblem(error) });
    }
  };
  return (
    <section className="operators-section" data-testid="diagnostics">
      <h2>Diagnostics</h2>
      <p className="section-note">
        For support: versions, this station’s set-up and its latest log lines. Keys, tokens and passwords are never included. The full log
        is in the data folder, under <code>logs/</code>.
      </p>
      <div className="save-row">
        <button
          className="button"
          type="button"
          onClick={() => void copy()}
          disabled={state.kind === 'busy'}
          data-testid="copy-diagnostics"
        >
          {state.kind === 'busy' ? 'Collecting…' : 'Copy diagnostics'}
        </button>
        {state.kind === 'copied' && (
          <span className="saved-note" role="status" data-testid="diagnostics-copied">
            ✓ Copied: paste it into your message to support
          </span>
        )}
      </div>
      {state.kind === 'shown' && (
        <textarea
          className="diagnostics-text"
          readOnly
          rows={12}
          value={state.text}
          ref={(el) => el?.select()}
          aria-label="Diagnostics (press Ctrl+C to copy)"
          data-testid="diagnostics-text"
        />
      )}
      {state.kind === 'failed' && <ProblemBox problem={state.problem} />}
    </section>
  );
}
