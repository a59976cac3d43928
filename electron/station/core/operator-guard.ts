/**
 * Who may call what, checked before a handler runs: methods that act on labels need a signed-in
 * operator; supervisor actions need a signed-in supervisor, or a supervisor's badge or PIN in the
 * call (`approval`) without signing the operator out. Handlers get who is acting.
 */
import type { MethodInput, MethodName, MethodOutput, StationHandlers } from '../../../shared/contract';
import { SUPERVISOR_ACTION_WORDS as W, type SignedInOperator, type SupervisorApproval } from '../../../shared/domain/operators';
import { signInRequired, supervisorRequired, type OperatorService, type OperatorSessionState } from '../settings';

/** Who is acting on a call: the signed-in operator, and the supervisor who approved it, if any. */
export interface Acting {
  operator: SignedInOperator | null;
  approvedBy: SignedInOperator | null;
  /** How records name them: "Ana", or "Sue (approved for Ana)". */
  name: string;
}

type Input<M extends MethodName> = MethodInput<M> & { approval?: SupervisorApproval };

/** The supervisor's actions, in the words the approval dialog and the refusal use; undefined: not guarded for this input. */
export const SUPERVISOR_ACTIONS: { [M in MethodName]?: (input: Input<M>) => string | undefined } = {
  updateSettings: () => W.changeSettings,
  setSecret: () => W.setSecret,
  clearSecret: () => W.clearSecret,
  startTikTokAuthorization: () => W.authorizeTikTok,
  finishTikTokAuthorization: () => W.authorizeTikTok,
  resolvePrintJob: (input) => (input.action === 'cancel' ? W.cancelPrint : undefined),
  resolveUncertainLabel: (input) => (input.decision === 'confirm_no_label' ? W.confirmNoLabel : undefined),
  buyShipment: () => W.splitShipment,
  submitScan: (input) => (input.check && 'override' in input.check ? W.skipItemCheck : undefined),
  listOperators: () => W.seeOperators,
  addOperator: () => W.addOperator,
  updateOperator: () => W.changeOperator,
  unlockOperator: () => W.unlockOperator,
  // Many labels bought at once, none of which can be voided: a wrong paste costs real money.
  startBatch: () => W.startBatch,
  createApiToken: () => W.createApiToken,
  revokeApiToken: () => W.revokeApiToken,
  setShopifyFulfillment: () => W.changeSettings,
  saveWebhook: () => W.changeSettings,
  setExportFile: () => W.changeSettings,
  removeWebhook: () => W.changeSettings,
  setWebhookSecret: () => W.setSecret,
};

/** Methods that act on labels or printers: somebody must be signed in (or a supervisor approve). */
export const SIGNED_IN_METHODS: readonly MethodName[] = [
  'submitScan',
  'reprintLabel',
  'printLabel',
  'resolvePrintJob',
  'resolveUncertainLabel',
  'buyShipment',
  'testPrint',
  'pauseBatch',
  'resumeBatch',
  'backUpNow',
  'reprintLabels',
  // An export names operators and costs: only for someone signed in at the station.
  'exportHistory',
  'printDaySummary',
  'retryDelivery',
  'showExportedFile',
];

export type ActingHandlers = {
  [M in MethodName]: (input: Parameters<StationHandlers[M]>[0], acting: Acting) => Promise<MethodOutput<M>>;
};

export function guardHandlers(handlers: ActingHandlers, operators: OperatorService, session: OperatorSessionState): StationHandlers {
  const guarded = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[method] as (input: unknown, acting: Acting) => Promise<unknown>;
    const words = SUPERVISOR_ACTIONS[method] as ((input: unknown) => string | undefined) | undefined;
    const needsOperator = SIGNED_IN_METHODS.includes(method);
    if (!words && !needsOperator) {
      guarded[method] = (input) => handler(input, acting(session.current().operator, null));
      continue;
    }
    guarded[method] = async (input) => {
      const { approval, ...rest } = input as { approval?: SupervisorApproval };
      const operator = await signedIn(operators, session);
      const action = words?.(input);
      let approvedBy: SignedInOperator | null = null;
      if (action) {
        if (approval) approvedBy = await operators.approve(approval, action);
        else if (operator?.role !== 'supervisor') throw operator ? supervisorRequired(action, operator.name) : supervisorRequired(action);
      }
      if (needsOperator && !operator && !approvedBy) throw signInRequired();
      return handler(rest, acting(operator, approvedBy));
    };
  }
  return guarded as unknown as StationHandlers;
}

/** The signed-in operator as the store has them now: one deactivated (or a demo user once a real provider is set) is signed out. */
async function signedIn(operators: OperatorService, session: OperatorSessionState): Promise<SignedInOperator | null> {
  const operator = session.current().operator;
  if (!operator) return null;
  const now = await operators.current(operator);
  if (!now) {
    session.signOut();
    return null;
  }
  session.refresh(now);
  return now;
}

function acting(operator: SignedInOperator | null, approvedBy: SignedInOperator | null): Acting {
  const name =
    approvedBy && operator && approvedBy.id !== operator.id
      ? `${approvedBy.name} (approved for ${operator.name})`
      : ((approvedBy ?? operator)?.name ?? '');
  return { operator, approvedBy, name };
}
