/**
 * The wire envelope shared by every binding of the contract, and the one dispatcher that validates
 * a call against the contract before the station core sees it.
 */
import { type z } from 'zod';
import { contract, type MethodName, type StationHandlers } from './contract';
import type { Problem } from './schemas';

export type RpcResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** A failure the station reports to the worker as is (message + next step). */
export class StationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly nextStep: string,
  ) {
    super(message);
    this.name = 'StationError';
  }
  toProblem(): Problem {
    return { code: this.code, message: this.message, nextStep: this.nextStep };
  }
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract.methods, name);
}

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** Validates method name and input, calls the handler, validates its output, wraps the answer. */
export async function dispatch(handlers: StationHandlers, method: unknown, input: unknown): Promise<RpcResult> {
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
    return {
      ok: false,
      problem: { code: 'invalid_input', message: describeZodError(parsed.error), nextStep: 'Correct the value and try again.' },
    };
  }
  try {
    const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    if (error instanceof StationError) return { ok: false, problem: error.toProblem() };
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

/** Turns an envelope back into a value or a thrown StationError (used by every client). */
export function unwrap<T>(result: RpcResult): T {
  if (result.ok) return result.value as T;
  throw new StationError(result.problem.code, result.problem.message, result.problem.nextStep);
}
