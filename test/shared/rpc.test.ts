/** The one dispatcher behind every binding: problems as data, unexpected errors logged by method, never their input. */
import { describe, expect, it } from 'vitest';
import type { StationHandlers } from '../../shared/contract';
import { PROBLEM_CODES, ProblemCode, StationError } from '../../shared/errors';
import { dispatch } from '../../shared/rpc';

function handlersWith(overrides: Partial<StationHandlers>): StationHandlers {
  return new Proxy(overrides as StationHandlers, {
    get: (target, name: string) =>
      target[name as keyof StationHandlers] ?? (async () => Promise.reject(new Error(`unexpected call ${name}`))),
  });
}

describe('dispatch', () => {
  it('answers invalid input with the issues per field, as data', async () => {
    const result = await dispatch(handlersWith({}), 'updateSettings', { operator: 'x'.repeat(61), sandbox: { latencyMs: -1 } });
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid_input' } });
    if (result.ok) return;
    expect(Object.keys(result.problem.fields ?? {}).sort()).toEqual(['operator', 'sandbox.latencyMs']);
    expect(result.problem.fields?.['sandbox.latencyMs']?.[0]).toMatch(/>=\s*0|at least|too small/i);
  });

  it('logs an unexpected error with the method and where it was thrown, never the call’s input, and says internal_error', async () => {
    const lines: string[] = [];
    const handlers = handlersWith({
      setSecret: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    const result = await dispatch(handlers, 'setSecret', { secret: 'aftershipApiKey', value: 'asat_live_SECRET_4242' }, (line) =>
      lines.push(line),
    );
    expect(result).toMatchObject({ ok: false, problem: { code: 'internal_error', message: 'The station hit an unexpected error.' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^setSecret failed unexpectedly: TypeError: cannot read properties of undefined \(at /);
    expect(lines.join('\n')).not.toContain('asat_live_SECRET_4242');
  });

  it('passes a station problem through as it is, fields included, and logs nothing', async () => {
    const lines: string[] = [];
    const handlers = handlersWith({
      getSettings: async () => {
        throw new StationError('locked_by_env', 'Set by the fleet.', 'Ask the fleet admin.', {
          operator: ['Set by LABEL_STATION_OPERATOR'],
        });
      },
    });
    expect(await dispatch(handlers, 'getSettings', {}, (line) => lines.push(line))).toEqual({
      ok: false,
      problem: {
        code: 'locked_by_env',
        message: 'Set by the fleet.',
        nextStep: 'Ask the fleet admin.',
        fields: { operator: ['Set by LABEL_STATION_OPERATOR'] },
      },
    });
    expect(lines).toEqual([]);
  });
});

describe('the problem table', () => {
  it('lists each code once, so a code names one problem', () => {
    const codes = Object.values(PROBLEM_CODES).flat();
    expect(new Set(codes).size).toBe(codes.length);
    expect(ProblemCode.options).toEqual(codes);
  });
});
