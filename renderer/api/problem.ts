/** Turns anything a station call can throw into words for the worker. */
import { FieldIssues, ProblemCode, type Problem } from '../../shared/errors';

export function toProblem(error: unknown): Problem {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; nextStep?: unknown; fields?: unknown };
    if (typeof e.message === 'string' && typeof e.nextStep === 'string') {
      const code = ProblemCode.safeParse(e.code);
      const fields = FieldIssues.safeParse(e.fields);
      return {
        code: code.success ? code.data : 'internal_error',
        message: e.message,
        nextStep: e.nextStep,
        ...(e.fields !== undefined && fields.success && { fields: fields.data }),
      };
    }
    if (typeof e.message === 'string' && e.message !== '') {
      return { code: 'internal_error', message: e.message, nextStep: 'Try again. If it keeps happening, tell a supervisor.' };
    }
  }
  return { code: 'internal_error', message: 'Something went wrong.', nextStep: 'Try again. If it keeps happening, tell a supervisor.' };
}
