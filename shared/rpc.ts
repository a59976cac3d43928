/**
 * The wire envelope shared by every binding of the contract, and the one dispatcher that validates
 * a call against the contract before the station core sees it.
 */
import { contract, type MethodName, type StationHandlers } from './contract';
import { describeFieldIssues, fieldIssues, StationError, type Problem } from './errors';

export type RpcResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract.methods, name);
}

/** Where dispatch reports errors the worker cannot act on (the shell's log); never given the call's input. */
export type DispatchLog = (line: string) => void;

/**
 * Validates method name and input, calls the handler, validates its output, wraps the answer.
 * An unexpected error is logged with the method's name and reaches the worker as internal_error.
 */
export async function dispatch(
  handlers: StationHandlers,
  method: unknown,
  input: unknown,
  log: DispatchLog = () => {},
): Promise<RpcResult> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      problem: {
        code: 'unknown_method',
        message: 'The station does not know that request.',
        nextStep: 'Restart the station; if it persists, tell a supervisor.',
      },
    };
  }
  const spec = contract.methods[method];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error);
    return {
      ok: false,
      problem: { code: 'invalid_input', message: describeFieldIssues(fields), nextStep: 'Correct the value and try again.', fields },
    };
  }
  try {
    const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    if (error instanceof StationError) return { ok: false, problem: error.toProblem() };
    log(`${method} failed unexpectedly: ${describeUnexpected(error)}`);
    return {
      ok: false,
      problem: {
        code: 'internal_error',
        message: 'The station hit an unexpected error.',
        nextStep: 'Try again. If it happens again, restart the station and tell a supervisor.',
      },
    };
  }
}

/** The error's kind, words and where it was thrown: enough to find the bug, never the call's input. */
function describeUnexpected(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const where = (error.stack ?? '')
    .split('\n')
    .slice(1, 4)
    .map((line) => line.trim())
    .join(' < ');
  return `${error.name}: ${error.message}${where ? ` (${where})` : ''}`;
}

/** Turns an envelope back into a value or a thrown StationError (used by every client). */
export function unwrap<T>(result: RpcResult): T {
  if (result.ok) return result.value as T;
  throw new StationError(result.problem.code, result.problem.message, result.problem.nextStep, result.problem.fields);
}
