/**
 * A supervisor's approval for one guarded action, from any screen (Settings, print queue, History,
 * the splitter). Usage:
 *
 *   const approved = useApprovedCall();
 *   const result = await approved('split this order into boxes', (approval) =>
 *     station.buyShipment({ ...plan, ...(approval && { approval }) }));
 *   if (result === undefined) return; // the supervisor did not approve (Escape)
 *
 * A signed-in supervisor is not asked. Otherwise the approval dialog (ApprovalDialog, mounted once
 * in App) asks for a supervisor's badge or name + PIN, the call is made with it, and a refused
 * approval (wrong PIN, locked, not a supervisor) is shown in the dialog to try again. The operator
 * stays signed in throughout. `useSupervisorApproval().request(words)` gives the bare approval.
 */
import type { SupervisorApproval } from '../../shared/domain/operators';
import type { Problem, ProblemCode } from '../../shared/errors';
import { useOperatorSession } from '../api/operators';
import { toProblem } from '../api/problem';
import { useApprovalStore } from './approval-store';

/** Refusals of the approval itself: the dialog asks again. */
const APPROVAL_REFUSED: ReadonlySet<ProblemCode> = new Set([
  'wrong_pin',
  'badge_unknown',
  'operator_locked',
  'operator_inactive',
  'operator_not_found',
  'supervisor_required',
]);

export function useSupervisorApproval(): { request(action: string, problem?: Problem): Promise<SupervisorApproval | null> } {
  return { request: useApprovalStore((s) => s.request) };
}

export function useApprovedCall(): <T>(action: string, call: (approval?: SupervisorApproval) => Promise<T>) => Promise<T | undefined> {
  const role = useOperatorSession().data?.operator?.role;
  const { request } = useSupervisorApproval();
  return async (action, call) => {
    if (role === 'supervisor') return call();
    let problem: Problem | undefined;
    for (;;) {
      const approval = await request(action, problem);
      if (!approval) return undefined;
      try {
        return await call(approval);
      } catch (error) {
        const refused = toProblem(error);
        if (!APPROVAL_REFUSED.has(refused.code)) throw error;
        problem = refused;
      }
    }
  };
}
