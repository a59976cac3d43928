/**
 * Operators and roles through the real station core: nothing is scanned or printed without a
 * signed-in operator, supervisor actions need a supervisor (signed in, or approving one call with
 * their badge or PIN), and every purchase, print, reprint, cancel and settlement names who did it.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../../shared/contract';
import { SUPERVISOR_ACTIONS } from '../../../../electron/station/core/operator-guard';
import { openDatabase, sqliteHistory } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';
import { TEST_SUPERVISOR } from '../../../support/signed-in-core';

const ORDERS = ['576477431806260001', '576477431806260002', '576477431806260003'] as const;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function station(): Promise<{ s: Harness; printer: ZebraStatusPrinter; anaId: string; supervisorId: string }> {
  const printer = await startZebraStatusPrinter();
  cleanups.push(() => printer.close());
  const s = await startStation({});
  cleanups.push(() => s.close());
  await s.call('updateSettings', { printer: { address: printer.address } });
  const ana = await s.call('addOperator', { operator: { name: 'Ana Packer', role: 'operator', pin: '1357', badge: 'EMP-ANA-1' } });
  const supervisorId = (await s.call('listOperators', {})).find((o) => o.name === TEST_SUPERVISOR.name)!.id;
  return { s, printer, anaId: ana.id, supervisorId };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => ({ code: 'none', message: '' }),
    (e: { code: string; message: string }) => e,
  );

describe('signed in', () => {
  it('refuses a scan while nobody is signed in, with what to do, and buys nothing', async () => {
    const { s } = await station();
    expect((await s.call('getOperatorSession', {})).operator?.name).toBe(TEST_SUPERVISOR.name);
    await s.call('signOut', {});
    expect(await s.call('getOperatorSession', {})).toMatchObject({ operator: null, since: null });
    const refused = await refusal(s.call('submitScan', { scan: ORDERS[0] }));
    expect(refused).toMatchObject({ code: 'sign_in_required', message: expect.stringMatching(/^Sign in first/) });
    expect((await s.call('searchHistory', { query: '' })).total).toBe(0);
    expect((await refusal(s.call('reprintLabel', { labelId: 'x', reason: 'Label damaged' }))).code).toBe('sign_in_required');
    expect((await refusal(s.call('printLabel', { labelId: 'x' }))).code).toBe('sign_in_required');
  });

  it('tells the screens who signed in and out', async () => {
    const { s, anaId } = await station();
    const seen: Array<string | null> = [];
    s.core.events.on('operatorSession', (session) => seen.push(session.operator?.name ?? null));
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    await s.call('signOut', {});
    await s.call('signIn', { badge: 'EMP-ANA-1' });
    expect(seen).toEqual(['Ana Packer', null, 'Ana Packer']);
  });
});

describe('supervisor actions', () => {
  /** One valid call of every guarded method. */
  const guarded = (ids: { anaId: string; bo: string }): { [M in MethodName]?: MethodInput<M> } => ({
    updateSettings: { operators: { idleSignOutMinutes: 5 } },
    setSecret: { secret: 'shopifyAdminToken', value: 'shpat_0123456789' },
    clearSecret: { secret: 'shopifyAdminToken' },
    startTikTokAuthorization: {},
    finishTikTokAuthorization: { codeOrRedirectUrl: 'code-0000' },
    resolvePrintJob: { printJobId: 424242, action: 'cancel' },
    resolveUncertainLabel: { labelId: 'no-such-label', decision: 'confirm_no_label' },
    buyShipment: {
      orderId: ORDERS[1],
      boxes: [{ dimension: { width: 8, height: 4, depth: 6, unit: 'in' }, weight: { value: 1, unit: 'lb' }, itemIds: ['li-1'] }],
    },
    listOperators: {},
    addOperator: { operator: { name: 'Cy Packer', role: 'operator', pin: '5555' } },
    updateOperator: { changes: { operatorId: ids.bo, name: 'Bo P.' } },
    unlockOperator: { operatorId: ids.anaId },
    submitScan: { scan: ORDERS[2]!, check: { override: 'items counted by hand' } },
    // No WMS order file here: once approved, the batch barcode is refused as unknown (nothing bought).
    startBatch: { input: { kind: 'barcode', barcode: 'BATCH:W-0' } },
    // Approved, a token is created (shown once); revoking an unknown token is refused as not found.
    createApiToken: { name: 'WMS test', scopes: ['read'] },
    revokeApiToken: { tokenId: 'no-such-token' },
    setShopifyFulfillment: { on: false },
    saveWebhook: { webhook: { name: 'WMS', url: 'https://wms.example.com/hooks', events: ['label.bought'], enabled: true } },
    // No such webhook: once approved it is refused as unknown (nothing changed).
    removeWebhook: { webhookId: 'wh_000000' },
    setWebhookSecret: { webhookId: 'wh_000000', value: 'whsec_0123456789abcdef' },
    setExportFile: { path: '', events: ['label.bought'] },
  });

  it('every guarded method is refused to an operator, allowed with a supervisor’s PIN or badge, refused with a wrong one (which counts toward the lock)', async () => {
    const { s, anaId, supervisorId } = await station();
    const bo = (await s.call('addOperator', { operator: { name: 'Bo Packer', role: 'operator', pin: '2468' } })).id;
    const calls = guarded({ anaId, bo });
    expect(Object.keys(calls).sort()).toEqual(Object.keys(SUPERVISOR_ACTIONS).sort());
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    const call = (method: MethodName, extra: object = {}) =>
      refusal((s.call as (m: MethodName, i: unknown) => Promise<unknown>)(method, { ...(calls[method] as object), ...extra }));

    for (const method of Object.keys(calls) as MethodName[]) {
      const refused = await call(method);
      expect(refused, method).toMatchObject({ code: 'supervisor_required' });
      expect(refused.message, method).toMatch(/^Ana Packer is not a supervisor\. A supervisor must approve: .+\.$/);

      const byPin = await call(method, { approval: { operatorId: supervisorId, pin: TEST_SUPERVISOR.pin } });
      expect(['supervisor_required', 'wrong_pin', 'sign_in_required'], `${method}: ${byPin.message}`).not.toContain(byPin.code);
      const byBadge = await call(method, { approval: { badge: TEST_SUPERVISOR.badge } });
      expect(['supervisor_required', 'badge_unknown', 'sign_in_required'], `${method}: ${byBadge.message}`).not.toContain(byBadge.code);
      // The operator stays signed in after the supervisor approved.
      expect((await s.call('getOperatorSession', {})).operator?.name).toBe('Ana Packer');
      // An operator's own PIN is no approval.
      expect((await call(method, { approval: { operatorId: bo, pin: '2468' } })).code, method).toBe('supervisor_required');
    }

    // A wrong PIN as approval counts toward the supervisor's lock, like a sign-in.
    for (let i = 0; i < 4; i++)
      expect((await call('updateSettings', { approval: { operatorId: supervisorId, pin: '0000' } })).code).toBe('wrong_pin');
    expect((await call('updateSettings', { approval: { operatorId: supervisorId, pin: '0000' } })).code).toBe('operator_locked');
    expect((await call('updateSettings', { approval: { operatorId: supervisorId, pin: TEST_SUPERVISOR.pin } })).code).toBe(
      'operator_locked',
    );
    expect((await call('updateSettings', { approval: { badge: 'NOT-A-BADGE' } })).code).toBe('badge_unknown');
  });

  it('lets an operator cancel a print or say "printed" only where it is theirs to say', async () => {
    const { s, anaId } = await station();
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    // "printed" is the packer's word, "recheck" asks the provider: no supervisor needed.
    expect((await refusal(s.call('resolvePrintJob', { printJobId: 424242, action: 'printed' }))).code).toBe('job_not_found');
    expect((await refusal(s.call('resolveUncertainLabel', { labelId: 'nope', decision: 'recheck' }))).code).toBe('label_not_found');
  });

  it('signs out a deactivated operator at their next call', async () => {
    const { s, anaId } = await station();
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    await s.call('updateOperator', { changes: { operatorId: anaId, active: false }, approval: { badge: TEST_SUPERVISOR.badge } });
    expect((await refusal(s.call('submitScan', { scan: ORDERS[0] }))).code).toBe('sign_in_required');
    expect((await s.call('getOperatorSession', {})).operator).toBeNull();
  });
});

describe('records name the operator', () => {
  it('purchase, print attempt and reprint', async () => {
    const { s, anaId } = await station();
    const bo = (await s.call('addOperator', { operator: { name: 'Bo Packer', role: 'operator', pin: '2468' } })).id;
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    const scanned = await s.call('submitScan', { scan: ORDERS[0] });
    if (scanned.outcome !== 'printed') throw new Error(`expected printed, got ${scanned.outcome}`);
    expect(scanned.label.operator).toBe('Ana Packer');
    await s.call('signIn', { operatorId: bo, pin: '2468' });
    expect((await s.call('reprintLabel', { reason: 'Label damaged', labelId: scanned.label.id })).ok).toBe(true);
    const detail = await s.call('getLabel', { labelId: scanned.label.id });
    expect(detail.operator).toBe('Ana Packer');
    expect(detail.printAttempts.map((a) => [a.reprint, a.operator])).toEqual([
      [true, 'Bo Packer'],
      [false, 'Ana Packer'],
    ]);
  });

  it('a cancel names the supervisor who approved it and the operator', async () => {
    const { s, anaId } = await station();
    await s.call('updateSettings', { printer: { address: 'tcp://127.0.0.1:1' } });
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    const scanned = await s.call('submitScan', { scan: ORDERS[2] });
    if (scanned.outcome !== 'queued') throw new Error(`expected queued, got ${scanned.outcome}`);
    const approval = { badge: TEST_SUPERVISOR.badge };
    await expect
      .poll(
        async () =>
          (await s.call('resolvePrintJob', { printJobId: scanned.printJobId, action: 'cancel', approval }).catch(() => null))?.state,
        { timeout: 5000 },
      )
      .toBe('cancelled');
    await expect
      .poll(async () => (await s.call('getLabel', { labelId: scanned.label.id })).error)
      .toContain(`cancelled by ${TEST_SUPERVISOR.name} (approved for Ana Packer)`);
    const raw = new Database(`${s.dataDir}/history.sqlite`, { readonly: true });
    try {
      expect(raw.prepare('SELECT operator, cancelled_by FROM print_jobs WHERE id = ?').get(scanned.printJobId)).toEqual({
        operator: 'Ana Packer',
        cancelled_by: `${TEST_SUPERVISOR.name} (approved for Ana Packer)`,
      });
    } finally {
      raw.close();
    }
  });

  it('a settlement ("no label exists") names the supervisor', async () => {
    const { s, anaId } = await station();
    const db = openDatabase(`${s.dataDir}/history.sqlite`);
    await new HistoryStore(sqliteHistory(db)).insertBuying({
      id: 'lost-answer',
      orderId: ORDERS[1],
      parcelKey: '1of1',
      reference: `ls-${ORDERS[1]}-1of1`,
      provider: 'sandbox',
      sandbox: true,
      operator: 'Ana Packer',
      printer: '',
      request: '{}',
      generation: 1,
      station: 'test',
      stationId: '',
      checkUntil: new Date(Date.now() + 60_000).toISOString(),
    });
    db.close();
    await s.restart(); // the interrupted purchase is now 'checking'
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    expect((await refusal(s.call('resolveUncertainLabel', { labelId: 'lost-answer', decision: 'confirm_no_label' }))).code).toBe(
      'supervisor_required',
    );
    const settled = await s.call('resolveUncertainLabel', {
      labelId: 'lost-answer',
      decision: 'confirm_no_label',
      approval: { badge: TEST_SUPERVISOR.badge },
    });
    expect(settled.status).toBe('failed');
    expect(settled.error).toContain(`${TEST_SUPERVISOR.name} (approved for Ana Packer) checked the provider`);
    const raw = new Database(`${s.dataDir}/history.sqlite`, { readonly: true });
    try {
      expect(raw.prepare('SELECT cleared_by FROM labels WHERE id = ?').get('lost-answer')).toEqual({
        cleared_by: `${TEST_SUPERVISOR.name} (approved for Ana Packer)`,
      });
    } finally {
      raw.close();
    }
  });
});

describe('never in a log', () => {
  it('no PIN or badge reaches the station log', async () => {
    const { s, anaId } = await station();
    await s.call('signIn', { operatorId: anaId, pin: '1357' });
    await s.call('signIn', { badge: 'EMP-ANA-1' }).catch(() => undefined);
    await refusal(s.call('signIn', { operatorId: anaId, pin: '9753' }));
    const logs = s.logs.join('\n');
    for (const secret of ['1357', '9753', 'EMP-ANA-1', TEST_SUPERVISOR.pin, TEST_SUPERVISOR.badge]) expect(logs).not.toContain(secret);
  });
});
