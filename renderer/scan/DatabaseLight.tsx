import { useDatabaseStatus } from '../api/database-status';
import { databaseLight } from '../ui/database-light-words';

/**
 * The Scan screen's warehouse database light, next to the printer's and in its style: a quiet green
 * "Warehouse database", or a red banner while the fleet's shared database cannot be reached (scans buy
 * nothing then). Shown only in a fleet; nothing in it can take the focus from the scan field.
 */
export function DatabaseLight() {
  const light = databaseLight(useDatabaseStatus().data);
  if (!light) return null;
  if (light.tone === 'good') {
    return (
      <div className="status-light" data-testid="database-light" data-state="reachable" title={light.message}>
        <span className="printer-dot" aria-hidden="true" /> {light.title}
        {light.detail && <span className="status-light-detail"> · {light.detail}</span>}
      </div>
    );
  }
  return (
    <div className="printer-fault" role="alert" data-testid="database-light" data-state="unreachable" title={light.message}>
      <div className="printer-fault-head">
        <span className="printer-fault-title">{light.title}</span>
      </div>
      <p className="printer-fault-message">{light.message}</p>
      <p className="printer-fault-next">{light.nextStep}</p>
    </div>
  );
}
