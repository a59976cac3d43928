import type { LabelRecord } from '../../shared/domain/labels';
import { isUncertain } from '../../shared/domain/labels';
import { isDatabaseAway, isLabelChecking, type ScanResult } from '../state/scan-store';
import type { LateLabelNotice } from '../state/late-labels';
import { useNav } from '../state/nav';
import { ProblemBox } from '../ui/ProblemBox';
import { ReprintButton } from '../ui/ReprintButton';
import { Kbd, useHotkey } from '../ui/hotkey';

import { normalizeScan } from '../../shared/domain/scan';
import { LabelFacts, Panel } from './outcome-parts';
import { CheckingOutcome } from './CheckingOutcome';
import { DatabaseDownOutcome } from './DatabaseDownOutcome';
import { useOpenSplitter } from '../split/open-splitter';

/**
 * The outcome's one action by key: Reprint, or open the label in History (never both on one outcome).
 * F6 opens the splitter and F8 prints the oldest unprinted label, everywhere on this screen.
 */
const REPRINT_KEY = 'F9';
const HISTORY_KEY = 'F9';

/** Problems after which a label may exist at the provider: the worker checks it in History. */
const MAY_EXIST = new Set(['label_may_exist', 'purchase_unknown']);

/**
 * The big result panel after a scan, one look per outcome. `lateLabel`: the label this scan set its
 * parcel aside for has turned up and printed since.
 */
export function OutcomePanel({
  result,
  scan,
  lateLabel,
  declared,
}: {
  result: ScanResult;
  scan: string;
  lateLabel?: LateLabelNotice;
  /** The box and weight the scan sent ("12×10×6 in, 2.4 lb"): shown with a label bought by it. */
  declared?: string;
}) {
  if (result.outcome === 'failed' && isLabelChecking(result) && result.label)
    return <CheckingOutcome result={result} label={result.label} scan={scan} arrived={lateLabel} />;
  if (result.outcome === 'failed' && isDatabaseAway(result)) return <DatabaseDownOutcome problem={result.problem} scan={scan} />;
  switch (result.outcome) {
    case 'printed':
      return (
        <Panel tone="good" title="✓ Label printed" label={result.label}>
          <LabelFacts label={result.label} scan={scan} declared={declared} />
          {result.label.sandbox && <p className="sandbox-note">SANDBOX label — do not ship this parcel with it.</p>}
          {result.warning && (
            <p className="warning" role="alert">
              ⚠ {result.warning}
            </p>
          )}
        </Panel>
      );
    case 'already_labelled':
      return (
        <Panel tone="warn" title="This order already has a label — nothing was bought" label={result.label}>
          <LabelFacts label={result.label} scan={scan} />
          <ReprintButton labelId={result.label.id} size="big" hotkey={REPRINT_KEY} />
          <p className="panel-text">{result.message}</p>
        </Panel>
      );
    case 'queued':
      return <QueuedOutcome result={result} scan={scan} declared={declared} />;
    case 'print_failed':
      if (result.problem.code === 'label_file_pending' && lateLabel)
        return (
          <Panel tone="good" title="✓ Label file arrived" label={result.label}>
            <p className="panel-text strong" data-testid="file-arrived">
              {lateLabel.message}
            </p>
            <LabelFacts label={result.label} scan={scan} declared={declared} />
          </Panel>
        );
      if (result.problem.code === 'label_file_pending')
        return (
          <Panel tone="warn" title="Label bought — file pending" label={result.label}>
            <ProblemBox problem={result.problem} size="large" />
            <p className="panel-text strong" data-testid="file-pending">
              The label prints by itself when its file arrives. Do not scan this order again.
            </p>
            <LabelFacts label={result.label} scan={scan} declared={declared} />
          </Panel>
        );
      if (result.problem.code === 'label_file_unusable')
        return (
          <Panel tone="bad" title="Bought and saved — NOT printed" label={result.label}>
            <ProblemBox problem={result.problem} size="large" />
            <p className="panel-text strong">Do not scan this order again: its label is saved. A reprint would fetch the same file.</p>
            <LabelFacts label={result.label} scan={scan} declared={declared} />
          </Panel>
        );
      return (
        <Panel tone="bad" title="Bought and saved — NOT printed" label={result.label}>
          <ProblemBox problem={result.problem} size="large" />
          <ReprintButton labelId={result.label.id} size="big" hotkey={REPRINT_KEY} />
          <p className="panel-text strong">Do not scan this order again: its label is saved. Fix the printer, then press Reprint.</p>
          <LabelFacts label={result.label} scan={scan} declared={declared} />
        </Panel>
      );
    case 'failed':
      return (
        <Panel
          tone="bad"
          title={result.label && isUncertain(result.label.status) ? 'No label printed — check this order' : 'No label — nothing was bought'}
        >
          <ProblemBox problem={result.problem} size="large" />
          {result.problem.code === 'tracking_number' && <OpenHistory query={scan} />}
          {MAY_EXIST.has(result.problem.code) && <OpenUncertainLabel label={result.label} scan={scan} />}
          {result.label && !MAY_EXIST.has(result.problem.code) && (
            <LabelFacts label={result.label} scan={scan} tracking={result.label.trackingNumbers.length > 0} />
          )}
        </Panel>
      );
    case 'split_needed':
      return (
        <Panel tone="warn" title="Needs splitting into boxes — nothing was bought">
          <p className="panel-text strong">{result.message}</p>
          <OpenSplitter />
        </Panel>
      );
    case 'check_needed':
      return (
        <Panel tone="warn" title="Check the items — nothing was bought yet">
          <p className="panel-text strong">{result.message}</p>
        </Panel>
      );
    case 'call_failed':
      return (
        <Panel tone="bad" title="The station could not take this scan">
          <ProblemBox problem={result.problem} size="large" />
        </Panel>
      );
  }
}

/**
 * Bought and saved, waiting in the print queue (printer paused, out of paper, unreachable): amber, not
 * red, because nothing is lost and nothing is to be scanned again. When the job leaves the queue the
 * panel says what became of it: printed, or cancelled (then Reprint).
 */
function QueuedOutcome({
  result,
  scan,
  declared,
}: {
  result: Extract<ScanResult, { outcome: 'queued' }>;
  scan: string;
  declared?: string;
}) {
  if (result.label.status === 'printed') {
    return (
      <Panel tone="good" title="✓ Label printed" label={result.label}>
        <p className="panel-text strong">It waited for the printer and has printed now.</p>
        <LabelFacts label={result.label} scan={scan} declared={declared} />
        {result.label.sandbox && <p className="sandbox-note">SANDBOX label — do not ship this parcel with it.</p>}
      </Panel>
    );
  }
  if (result.label.status === 'print_failed') {
    return (
      <Panel tone="bad" title="Printing cancelled — label saved, NOT printed" label={result.label}>
        <ReprintButton labelId={result.label.id} size="big" hotkey={REPRINT_KEY} />
        <p className="panel-text strong">Do not scan this order again: its label is saved. Press Reprint when the printer is ready.</p>
        <LabelFacts label={result.label} scan={scan} declared={declared} />
      </Panel>
    );
  }
  return (
    <Panel tone="queued" title="Label bought — waiting for the printer" label={result.label}>
      <div className="waiting-box" data-testid="queued-reason">
        <p className="waiting-message">{result.message}</p>
        <p className="waiting-next">
          <strong>What to do: </strong>fix the printer. Do not scan this order again and do not reprint it.
        </p>
      </div>
      <LabelFacts label={result.label} scan={scan} declared={declared} />
      {result.label.sandbox && <p className="sandbox-note">SANDBOX label — do not ship this parcel with it.</p>}
    </Panel>
  );
}

function OpenUncertainLabel({ label, scan }: { label?: LabelRecord; scan: string }) {
  const nav = useNav();
  const open = () => (label ? nav.openLabel(label.id, label.orderId) : nav.go('history', normalizeScan(scan)));
  useHotkey(HISTORY_KEY, open);
  return (
    <button className="button button-big" data-testid="open-uncertain" onClick={open}>
      Open this label in History to check it <Kbd keyName={HISTORY_KEY} />
    </button>
  );
}

function OpenHistory({ query }: { query: string }) {
  const go = useNav((s) => s.go);
  const open = () => go('history', query.trim());
  useHotkey(HISTORY_KEY, open);
  return (
    <button className="button" data-testid="open-history" onClick={open}>
      Find this tracking number in History <Kbd keyName={HISTORY_KEY} />
    </button>
  );
}

function OpenSplitter() {
  const openSplitter = useOpenSplitter();
  return (
    <button className="button button-big outcome-open-splitter" data-testid="outcome-open-splitter" onClick={openSplitter}>
      Open the splitter <kbd>F6</kbd>
    </button>
  );
}
