/** The operator rules on both stores the station uses: the station's SQLite and the fleet's PostgreSQL. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase } from '../../../../../electron/station/history/database';
import { OperatorTable } from '../../../../../electron/station/history/operator-table';
import { OperatorService } from '../../../../../electron/station/settings/operators/operator-service';
import type { ProviderName } from '../../../../../shared/domain/providers';
import { StationError } from '../../../../../shared/errors';
import { freshPostgresDatabase } from '../../../../support/postgres-database';
import { makeTempDir } from '../../../../support/temp-dir';

const CHEAP = { log2N: 10, r: 8, p: 1 };

interface Backend {
  history: HistoryDatabase;
  raw(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  return {
    history: sqliteHistory(db),
    raw: async (sql) => db.prepare(sql).all(),
    close: async () => {
      db.close();
      temp.remove();
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const fleet = await openFleetDatabase(await freshPostgresDatabase('operators'));
  const { sql } = await import('kysely');
  return {
    history: fleet,
    raw: async (text) => (await sql.raw(text).execute(fleet.db)).rows,
    close: () => fleet.close(),
  };
}

async function refusal(work: Promise<unknown>): Promise<StationError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StationError)) throw new Error(`expected a StationError, got ${String(error)}`);
  return error;
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('operators on %s', (_name, open) => {
  let backend: Backend;
  let clock: Date;
  let provider: ProviderName;
  let service: OperatorService;
  const make = (preset?: ConstructorParameters<typeof OperatorService>[0]['preset']) =>
    new OperatorService({
      store: new OperatorTable(backend.history),
      provider: () => provider,
      now: () => clock,
      cost: CHEAP,
      ...(preset && { preset }),
    });

  beforeEach(async () => {
    backend = await open();
    clock = new Date('2026-12-05T10:00:00.000Z');
    provider = 'aftership';
    service = make();
  });
  afterEach(async () => backend.close());

  it('signs in by badge (one lookup) and by name + PIN, and stores neither PIN nor badge', async () => {
    const ana = await service.add({ name: 'Ana Packer', role: 'operator', pin: '135790', badge: 'EMP-4410' }, 'Sue');
    await service.add({ name: 'Bo Packer', role: 'operator', badge: 'EMP-4411' }, 'Sue');
    expect(await service.authenticate({ badge: 'EMP-4410' })).toEqual({ id: ana.id, name: 'Ana Packer', role: 'operator', demo: false });
    expect((await service.authenticate({ badge: 'EMP-4411' })).name).toBe('Bo Packer');
    expect((await service.authenticate({ operatorId: ana.id, pin: '135790' })).name).toBe('Ana Packer');
    expect((await refusal(service.authenticate({ badge: 'EMP-9999' }))).code).toBe('badge_unknown');
    const rows = JSON.stringify(await backend.raw('SELECT * FROM operators'));
    expect(rows).not.toContain('135790');
    expect(rows).not.toContain('EMP-4410');
    expect(ana).not.toHaveProperty('pinHash');
    expect(ana).toMatchObject({ hasPin: true, hasBadge: true, createdBy: 'Sue', active: true });
  });

  it('locks a PIN after 5 wrong ones for 5 minutes (even the right PIN), says until when, then lets it in again', async () => {
    const ana = await service.add({ name: 'Ana Packer', role: 'operator', pin: '1357', badge: 'EMP-1' }, 'Sue');
    for (let i = 1; i <= 4; i++) {
      const wrong = await refusal(service.authenticate({ operatorId: ana.id, pin: '0000' }));
      expect(wrong.code).toBe('wrong_pin');
      expect(wrong.message).toContain(`${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left`);
    }
    const locked = await refusal(service.authenticate({ operatorId: ana.id, pin: '0000' }));
    expect(locked.code).toBe('operator_locked');
    expect(locked.message).toContain(new Date('2026-12-05T10:05:00.000Z').toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    expect((await refusal(service.authenticate({ operatorId: ana.id, pin: '1357' }))).code).toBe('operator_locked');
    expect((await service.list()).find((o) => o.id === ana.id)?.lockedUntil).toBe('2026-12-05T10:05:00.000Z');
    // The badge is something the operator has, not a guess: it still signs in.
    expect((await service.authenticate({ badge: 'EMP-1' })).id).toBe(ana.id);
    clock = new Date('2026-12-05T10:04:59.000Z');
    expect((await refusal(service.authenticate({ operatorId: ana.id, pin: '1357' }))).code).toBe('operator_locked');
    clock = new Date('2026-12-05T10:05:01.000Z');
    expect((await service.authenticate({ operatorId: ana.id, pin: '1357' })).id).toBe(ana.id);
    expect((await service.list()).find((o) => o.id === ana.id)?.lockedUntil).toBeNull();
  });

  it('pauses badge sign-in for a minute after 10 unknown badges in a minute (a right badge too), while PINs still work', async () => {
    const ana = await service.add({ name: 'Ana Packer', role: 'operator', pin: '1357', badge: 'EMP-1' }, 'Sue');
    // Unknown badges spread over more than a minute are only unknown.
    for (let i = 0; i < 12; i++) {
      clock = new Date(Date.parse('2026-12-05T10:00:00.000Z') + i * 7_000);
      expect((await refusal(service.authenticate({ badge: `GUESS-${i}` }))).code).toBe('badge_unknown');
    }
    clock = new Date('2026-12-05T10:10:00.000Z');
    for (let i = 0; i < 9; i++) expect((await refusal(service.authenticate({ badge: `GUESS-B${i}` }))).code).toBe('badge_unknown');
    const paused = await refusal(service.authenticate({ badge: 'GUESS-B9' }));
    expect(paused.code).toBe('badges_paused');
    expect(paused.nextStep).toContain('type your PIN');
    expect((await refusal(service.authenticate({ badge: 'EMP-1' }))).code).toBe('badges_paused');
    expect((await refusal(service.approve({ badge: 'EMP-1' }, 'cancel a label'))).code).toBe('badges_paused');
    expect((await service.authenticate({ operatorId: ana.id, pin: '1357' })).id).toBe(ana.id);
    clock = new Date('2026-12-05T10:11:00.001Z');
    expect((await service.authenticate({ badge: 'EMP-1' })).id).toBe(ana.id);
  });

  it('a right PIN starts the count again; a supervisor unlocks a locked PIN at once', async () => {
    const ana = await service.add({ name: 'Ana Packer', role: 'operator', pin: '1357' }, 'Sue');
    for (let i = 0; i < 4; i++) await refusal(service.authenticate({ operatorId: ana.id, pin: '0000' }));
    await service.authenticate({ operatorId: ana.id, pin: '1357' });
    expect((await refusal(service.authenticate({ operatorId: ana.id, pin: '0000' }))).message).toContain('4 tries left');
    for (let i = 0; i < 4; i++) await refusal(service.authenticate({ operatorId: ana.id, pin: '0000' }));
    expect((await refusal(service.authenticate({ operatorId: ana.id, pin: '1357' }))).code).toBe('operator_locked');
    const unlocked = await service.unlock(ana.id, 'Sue Supervisor');
    expect(unlocked).toMatchObject({ lockedUntil: null, updatedBy: 'Sue Supervisor' });
    expect((await service.authenticate({ operatorId: ana.id, pin: '1357' })).id).toBe(ana.id);
  });

  it('approves only a supervisor, and counts a wrong approval PIN toward the same lock', async () => {
    const sue = await service.add({ name: 'Sue Supervisor', role: 'supervisor', pin: '8642' }, 'setup');
    const ana = await service.add({ name: 'Ana Packer', role: 'operator', pin: '1357' }, 'Sue');
    expect((await service.approve({ operatorId: sue.id, pin: '8642' }, 'change Settings')).name).toBe('Sue Supervisor');
    const notSupervisor = await refusal(service.approve({ operatorId: ana.id, pin: '1357' }, 'change Settings'));
    expect(notSupervisor.code).toBe('supervisor_required');
    expect(notSupervisor.message).toBe('Ana Packer is not a supervisor. A supervisor must approve: change Settings.');
    for (let i = 0; i < 5; i++) await refusal(service.approve({ operatorId: sue.id, pin: '0000' }, 'change Settings'));
    expect((await refusal(service.authenticate({ operatorId: sue.id, pin: '8642' }))).code).toBe('operator_locked');
  });

  it('refuses a second operator with the same name or badge, an operator with neither PIN nor badge, and demoting the last supervisor', async () => {
    const sue = await service.add({ name: 'Sue Supervisor', role: 'supervisor', pin: '8642', badge: 'B-1' }, 'setup');
    expect((await refusal(service.add({ name: 'sue supervisor', role: 'operator', pin: '1111' }, 'Sue'))).code).toBe('operator_name_taken');
    expect((await refusal(service.add({ name: 'Cy', role: 'operator', badge: 'B-1' }, 'Sue'))).code).toBe('badge_taken');
    expect((await refusal(service.update({ operatorId: sue.id, removePin: true, badge: null }, 'Sue'))).code).toBe('operator_needs_secret');
    expect((await refusal(service.update({ operatorId: sue.id, role: 'operator' }, 'Sue'))).code).toBe('last_supervisor');
    expect((await refusal(service.update({ operatorId: sue.id, active: false }, 'Sue'))).code).toBe('last_supervisor');
  });

  it('edits name, role, PIN and badge, and a deactivated operator can no longer sign in', async () => {
    await service.add({ name: 'Sue Supervisor', role: 'supervisor', pin: '8642' }, 'setup');
    const ana = await service.add({ name: 'Ana Packer', role: 'operator', pin: '1357' }, 'Sue');
    const changed = await service.update({ operatorId: ana.id, name: 'Ana P.', role: 'supervisor', pin: '2468', badge: 'B-22' }, 'Sue');
    expect(changed).toMatchObject({ name: 'Ana P.', role: 'supervisor', hasBadge: true, updatedBy: 'Sue' });
    expect((await refusal(service.authenticate({ operatorId: ana.id, pin: '1357' }))).code).toBe('wrong_pin');
    expect((await service.authenticate({ operatorId: ana.id, pin: '2468' })).role).toBe('supervisor');
    expect((await service.authenticate({ badge: 'B-22' })).name).toBe('Ana P.');
    await service.update({ operatorId: ana.id, active: false }, 'Sue');
    expect((await refusal(service.authenticate({ badge: 'B-22' }))).code).toBe('operator_inactive');
    expect(await service.current({ id: ana.id, name: 'Ana P.', role: 'supervisor', demo: false })).toBeUndefined();
    expect((await service.signInOptions()).operators.map((o) => o.name)).toEqual(['Sue Supervisor']);
  });

  it('offers demo users only on the sandbox and only while no operator exists', async () => {
    provider = 'sandbox';
    const options = await service.signInOptions();
    expect(options.firstSupervisorNeeded).toBe(false);
    expect(options.demoUsers.map((u) => u.name)).toEqual(['Demo Packer (DEMO)', 'Demo Supervisor (DEMO)']);
    const demo = await service.authenticate({ operatorId: 'demo-supervisor', pin: '9999' });
    expect(demo).toMatchObject({ role: 'supervisor', demo: true });
    expect((await service.authenticate({ badge: 'DEMO-PACKER' })).name).toBe('Demo Packer (DEMO)');

    provider = 'aftership';
    expect((await service.signInOptions()).demoUsers).toEqual([]);
    expect((await service.signInOptions()).firstSupervisorNeeded).toBe(true);
    expect((await refusal(service.authenticate({ operatorId: 'demo-supervisor', pin: '9999' }))).code).toBe('operator_not_found');
    expect((await refusal(service.authenticate({ badge: 'DEMO-PACKER' }))).code).toBe('badge_unknown');
    expect(await service.current(demo)).toBeUndefined();

    provider = 'sandbox';
    await service.createFirstSupervisor({ name: 'Sue Supervisor', role: 'supervisor', pin: '8642' });
    expect((await service.signInOptions()).demoUsers).toEqual([]);
    expect(await service.current(demo)).toBeUndefined();
  });

  it('creates the first supervisor once; afterwards only a supervisor adds operators', async () => {
    const first = await service.createFirstSupervisor({ name: 'Sue Supervisor', role: 'operator', pin: '8642' });
    expect(first).toMatchObject({ name: 'Sue Supervisor', role: 'supervisor' });
    expect((await service.list())[0]).toMatchObject({ createdBy: 'first start' });
    expect((await refusal(service.createFirstSupervisor({ name: 'Eve', role: 'supervisor', pin: '1111' }))).code).toBe(
      'first_supervisor_exists',
    );
  });

  it('creates the environment’s supervisor once, and never overwrites it', async () => {
    const preset = { name: 'Fleet Supervisor', role: 'supervisor' as const, pin: '5555', badge: 'FLEET-1' };
    await make(preset).ensurePreset();
    const again = make({ ...preset, pin: '6666' });
    await again.ensurePreset();
    expect((await service.list()).map((o) => [o.name, o.createdBy])).toEqual([['Fleet Supervisor', 'environment preset']]);
    expect((await service.authenticate({ badge: 'FLEET-1' })).role).toBe('supervisor');
    const id = (await service.list())[0]!.id;
    expect((await service.authenticate({ operatorId: id, pin: '5555' })).name).toBe('Fleet Supervisor');
    expect((await refusal(service.authenticate({ operatorId: id, pin: '6666' }))).code).toBe('wrong_pin');
  });
});
