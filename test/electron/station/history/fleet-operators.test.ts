/** A fleet station's operators: the shared PostgreSQL, and the station's copy for sign-in while it is away. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openFleetDatabase, sqliteHistory, type FleetDatabase } from '../../../../electron/station/history/database';
import { FleetOperators } from '../../../../electron/station/history/fleet-operators';
import { OperatorTable } from '../../../../electron/station/history/operator-table';
import { OperatorService } from '../../../../electron/station/settings/operators/operator-service';
import { type StationError } from '../../../../shared/errors';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';

const CHEAP = { log2N: 10, r: 8, p: 1 };

describe('fleet operators', () => {
  let shared: FleetDatabase;
  let temp: ReturnType<typeof makeTempDir>;
  let copies: ReturnType<typeof openDatabase>[];
  let reachable: boolean;

  beforeEach(async () => {
    shared = await openFleetDatabase(await freshPostgresDatabase('fleetops'));
    temp = makeTempDir();
    copies = [];
    reachable = true;
  });
  afterEach(async () => {
    await shared.close();
    for (const copy of copies) copy.close();
    temp.remove();
  });

  const station = (name: string) => {
    const copy = openDatabase(path.join(temp.dir, `${name}.sqlite`));
    copies.push(copy);
    const store = new FleetOperators(
      new OperatorTable(shared),
      new OperatorTable(sqliteHistory(copy)),
      () => reachable,
      () => {},
    );
    return new OperatorService({ store, provider: () => 'aftership', cost: CHEAP });
  };

  it('an operator added at one station signs in at another; while the database is away, from the copy', async () => {
    const one = station('one');
    const two = station('two');
    const ana = await one.add({ name: 'Ana Packer', role: 'operator', pin: '1357', badge: 'EMP-1' }, 'Sue');
    expect((await two.authenticate({ badge: 'EMP-1' })).id).toBe(ana.id);
    await two.signInOptions(); // the copy follows the shared list

    reachable = false;
    expect((await two.authenticate({ badge: 'EMP-1' })).name).toBe('Ana Packer');
    expect((await two.authenticate({ operatorId: ana.id, pin: '1357' })).name).toBe('Ana Packer');
    // Wrong PINs still lock, in the copy.
    for (let i = 0; i < 5; i++) await two.authenticate({ operatorId: ana.id, pin: '0000' }).catch(() => undefined);
    const locked = await two.authenticate({ operatorId: ana.id, pin: '1357' }).catch((e: unknown) => e);
    expect((locked as StationError).code).toBe('operator_locked');
    const change = await two.add({ name: 'Bo', role: 'operator', pin: '2222' }, 'Sue').catch((e: unknown) => e);
    expect((change as StationError).code).toBe('operators_unavailable');
  });

  it('a lock counted at one station holds at every station', async () => {
    const one = station('one');
    const two = station('two');
    const ana = await one.add({ name: 'Ana Packer', role: 'operator', pin: '1357' }, 'Sue');
    for (let i = 0; i < 3; i++) await one.authenticate({ operatorId: ana.id, pin: '0000' }).catch(() => undefined);
    for (let i = 0; i < 2; i++) await two.authenticate({ operatorId: ana.id, pin: '0000' }).catch(() => undefined);
    const locked = await one.authenticate({ operatorId: ana.id, pin: '1357' }).catch((e: unknown) => e);
    expect((locked as StationError).code).toBe('operator_locked');
  });
});
