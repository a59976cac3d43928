/** Narrows a scan's outcome for the rest of a test, and fails loudly (with the station's words) when it is another. */
import type { ScanOutcome } from '../../shared/contract';
import type { ProblemCode } from '../../shared/errors';

export function expectOutcome<O extends ScanOutcome['outcome']>(
  result: ScanOutcome,
  outcome: O,
  problemCode?: ProblemCode,
): asserts result is Extract<ScanOutcome, { outcome: O }> {
  const problem = 'problem' in result ? result.problem : undefined;
  if (result.outcome === outcome && (problemCode === undefined || problem?.code === problemCode)) return;
  const said = problem ? ` (${problem.code}: ${problem.message})` : 'message' in result ? ` (${result.message})` : '';
  const wanted = problemCode ? `"${outcome}" with ${problemCode}` : `"${outcome}"`;
  throw new Error(`expected the scan to end ${wanted}, but it ended "${result.outcome}"${said}`);
}
