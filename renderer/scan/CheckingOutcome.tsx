import type { LabelRecord } from '../../shared/domain/labels';
import type { ScanResult } from '../state/scan-store';
import type { LateLabelNotice } from '../state/late-labels';
import { clockTime } from '../ui/format';
import { LabelFacts, Panel } from './outcome-parts';

/**
 * The purchase got no clear answer and the provider may still make the label: the packer sets the
 * parcel aside and goes on; the station keeps asking and prints the label here by itself when it
 * appears (then this panel says so). Amber, not red: nobody has to check anything.
 */
export function CheckingOutcome({
  result,
  label,
  scan,
  arrived,
}: {
  result: Extract<ScanResult, { outcome: 'failed' }>;
  label: LabelRecord;
  scan: string;
  arrived: LateLabelNotice | undefined;
}) {
  if (arrived) {
    return (
      <Panel tone="good" title="✓ Its label turned up">
        <p className="panel-text strong" data-testid="checking-arrived">
          {arrived.message}
        </p>
        <LabelFacts label={label} scan={scan} tracking={false} />
      </Panel>
    );
  }
  return (
    <Panel tone="checking" title="Set this parcel aside">
      <div className="waiting-box" data-testid="checking-reason">
        <p className="waiting-message">{result.problem.message}</p>
        <p className="waiting-next">
          <strong>What to do: </strong>
          {result.problem.nextStep}
        </p>
      </div>
      {label.checkUntil && (
        <p className="panel-text" data-testid="checking-until">
          Nothing to check in History. Not printed by {clockTime(label.checkUntil)}? Then scan the order again.
        </p>
      )}
      <LabelFacts label={label} scan={scan} tracking={false} />
    </Panel>
  );
}
