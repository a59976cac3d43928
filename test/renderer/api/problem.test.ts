/** What a screen makes of a refused station call: the station's own problem, field issues included. */
import { describe, expect, it } from 'vitest';
import { toProblem } from '../../../renderer/api/problem';
import { StationError } from '../../../shared/errors';

describe('toProblem', () => {
  it('keeps the field issues of a refused save, so the form can put each on its field', () => {
    const refused = new StationError('invalid_input', 'aftership.baseUrl: Must be a web address', 'Correct the value and try again.', {
      'aftership.baseUrl': ['Must be a web address starting with https://'],
    });
    expect(toProblem(refused)).toEqual({
      code: 'invalid_input',
      message: 'aftership.baseUrl: Must be a web address',
      nextStep: 'Correct the value and try again.',
      fields: { 'aftership.baseUrl': ['Must be a web address starting with https://'] },
    });
  });

  it('never invents a code or fields the station did not send', () => {
    expect(toProblem({ code: 'made_up', message: 'Odd.', nextStep: 'Retry.', fields: 'not issues' })).toEqual({
      code: 'internal_error',
      message: 'Odd.',
      nextStep: 'Retry.',
    });
    expect(toProblem(new Error('socket hang up'))).toMatchObject({ code: 'internal_error', message: 'socket hang up' });
  });
});
