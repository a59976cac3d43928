import type { Problem } from '../../shared/errors';
import { normalizeScan } from '../../shared/domain/scan';
import { useDatabaseStatus } from '../api/database-status';
import { ProblemBox } from '../ui/ProblemBox';
import { Panel } from './outcome-parts';

/**
 * The warehouse database could not be reached, so nothing was bought: the packer sets the parcel aside
 * and scans it again once the database light is green. The panel says so when it turns green.
 */
export function DatabaseDownOutcome({ problem, scan }: { problem: Problem; scan: string }) {
  // The station sends the light's news before it answers the scan, so a green light here means it came back.
  const back = useDatabaseStatus().data?.reachable === true;
  const scanned = normalizeScan(scan);
  return (
    <Panel tone="bad" title="Set this parcel aside — nothing was bought">
      <ProblemBox problem={problem} size="large" />
      {back && (
        <p className="database-back" role="status" data-testid="database-back">
          ✓ The warehouse database is back: scan this parcel again now.
        </p>
      )}
      {scanned !== '' && (
        <dl className="facts">
          <div>
            <dt>Scanned</dt>
            <dd className="figure" data-testid="scanned">
              {scanned}
            </dd>
          </div>
        </dl>
      )}
    </Panel>
  );
}
