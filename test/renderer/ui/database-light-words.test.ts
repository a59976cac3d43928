/** The warehouse database light's words and state (renderer/ui/database-light-words.ts): pure, no browser needed. */
import { describe, expect, it } from 'vitest';
import type { DatabaseStatus } from '../../../shared/domain/fleet';
import { changesWord, databaseLight } from '../../../renderer/ui/database-light-words';

const AWAY = 'The warehouse database is not reachable (connection refused): nothing can be bought. Reprints from this station still work.';

function status(over: Partial<DatabaseStatus> = {}): DatabaseStatus {
  return { mode: 'fleet', reachable: true, message: 'Warehouse database connected.', pendingWrites: 0, ...over };
}

describe('databaseLight', () => {
  it('shows no light for a station on its own history, nor before the status is known', () => {
    expect(databaseLight({ mode: 'local', reachable: true, message: 'This station keeps its own history.', pendingWrites: 0 })).toBeNull();
    expect(databaseLight(undefined)).toBeNull();
  });

  it('is a quiet green "Warehouse database" when the fleet database answers, with its sentence as the tooltip', () => {
    expect(databaseLight(status())).toEqual({ tone: 'good', title: 'Warehouse database', message: 'Warehouse database connected.' });
  });

  it('says how many changes it is sending while it catches up', () => {
    expect(databaseLight(status({ pendingWrites: 3 }))?.detail).toBe('sending 3 changes');
    expect(databaseLight(status({ pendingWrites: 1 }))?.detail).toBe('sending 1 change');
  });

  it('is red when the database cannot be reached: the station says why, and the packer sets parcels aside until it is green', () => {
    const light = databaseLight(status({ reachable: false, message: AWAY }));
    expect(light?.tone).toBe('bad');
    expect(light?.title).toBe('Warehouse database not reachable');
    expect(light?.message).toBe(AWAY);
    expect(light?.nextStep).toContain('Set each parcel aside and scan it again when this light is green.');
    expect(light?.detail).toBeUndefined();
  });

  it('says that changes made while it is away will be sent, only when there are some', () => {
    expect(databaseLight(status({ reachable: false, message: AWAY }))?.nextStep).not.toContain('will be sent');
    expect(databaseLight(status({ reachable: false, message: AWAY, pendingWrites: 2 }))?.nextStep).toContain(
      '2 changes made here will be sent when the database is back.',
    );
  });

  it('never shows an empty light: a missing sentence is replaced by the station-side meaning', () => {
    expect(databaseLight(status({ message: ' ' }))?.message).toBe('Warehouse database connected.');
    expect(databaseLight(status({ reachable: false, message: '' }))?.message).toMatch(/not reachable: nothing can be bought/);
  });
});

describe('changesWord', () => {
  it('counts changes in words', () => {
    expect(changesWord(1)).toBe('1 change');
    expect(changesWord(12)).toBe('12 changes');
  });
});
