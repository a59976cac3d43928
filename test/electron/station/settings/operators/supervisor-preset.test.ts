import { describe, expect, it } from 'vitest';
import { readSupervisorPreset } from '../../../../../electron/station/settings/operators/supervisor-preset';
import { StationError } from '../../../../../shared/errors';

function refused(env: Record<string, string>): StationError {
  try {
    readSupervisorPreset(env);
  } catch (error) {
    if (error instanceof StationError) return error;
    throw error;
  }
  throw new Error('expected the preset to be refused');
}

describe('the environment’s first supervisor', () => {
  it('reads name with PIN and/or badge; nothing set is no preset', () => {
    expect(readSupervisorPreset({})).toBeUndefined();
    expect(readSupervisorPreset({ LABEL_STATION_SUPERVISOR_NAME: ' Fleet Sup ', LABEL_STATION_SUPERVISOR_PIN: '4321' })).toEqual({
      name: 'Fleet Sup',
      role: 'supervisor',
      pin: '4321',
    });
    expect(readSupervisorPreset({ LABEL_STATION_SUPERVISOR_NAME: 'Fleet Sup', LABEL_STATION_SUPERVISOR_BADGE: 'SUP-0001' })).toEqual({
      name: 'Fleet Sup',
      role: 'supervisor',
      badge: 'SUP-0001',
    });
  });

  it('refuses an incomplete or invalid preset, naming the variable and never its value', () => {
    expect(refused({ LABEL_STATION_SUPERVISOR_PIN: '4321' }).message).toContain('LABEL_STATION_SUPERVISOR_NAME');
    expect(refused({ LABEL_STATION_SUPERVISOR_NAME: 'Fleet Sup' }).message).toContain('LABEL_STATION_SUPERVISOR_PIN');
    const badPin = refused({ LABEL_STATION_SUPERVISOR_NAME: 'Fleet Sup', LABEL_STATION_SUPERVISOR_PIN: '12a4567' });
    expect(badPin.code).toBe('invalid_env');
    expect(badPin.message).toContain('digits only');
    expect(JSON.stringify(badPin.toProblem())).not.toContain('12a4567');
    const shortBadge = refused({ LABEL_STATION_SUPERVISOR_NAME: 'Fleet Sup', LABEL_STATION_SUPERVISOR_BADGE: 'X9' });
    expect(JSON.stringify(shortBadge.toProblem())).not.toContain('X9');
  });
});
