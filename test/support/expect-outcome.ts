/** Narrows a scan's outcome for the rest of a test, and fails loudly (with the station's words) when it is another. */
import type { ScanOutcome } from '../../shared/contract';

export function expectOutcome<O extends ScanOutcome['outcome']>(
  result: ScanOutcome,
  outcome: O,
): asserts result is Extract<ScanOutcome, { outcome: O }> {
  if (result.outcome === outcome) return;
  const said =
    'problem' in result ? ` (${result.problem.code}: ${result.problem.message})` : 'message' in result ? ` (${result.message})` : '';
  throw new Error(`expected the scan to end "${outcome}", but it ended "${result.outcome}"${said}`);
}
