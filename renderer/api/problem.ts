/** Turns anything a station call can throw into words for the worker. */
import type { Problem } from '../../shared/schemas';

export function toProblem(error: unknown): Problem {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; nextStep?: unknown };
    if (typeof e.message === 'string' && typeof e.nextStep === 'string') {
      return { code: typeof e.code === 'string' ? e.code : 'error', message: e.message, nextStep: e.nextStep };
    }
    if (typeof e.message === 'string' && e.message !== '') {
      return { code: 'error', message: e.message, nextStep: 'Try again. If it keeps happening, tell a supervisor.' };
    }
  }
  return { code: 'error', message: 'Something went wrong.', nextStep: 'Try again. If it keeps happening, tell a supervisor.' };
}
