import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAfterShipProvider, type AfterShipProviderOptions } from '../../../../../electron/station/providers/aftership';
import { ProviderError, type LabelProvider, type LabelRequest } from '../../../../../electron/station/providers/provider';
import { startFakeAfterShip, type FakeAfterShip } from '../../../../fakes/aftership-server';

const KEY = 'asat_lookup_0a1b2c3d4e5f';
const ORDER = '576477431806268482';
const REFERENCE = `ls-station-1-${ORDER}-1`;
const request: LabelRequest = {
  orderId: ORDER,
  parcels: [{ dimension: { width: 8, height: 5, depth: 10, unit: 'in' }, weight: { value: 1.5, unit: 'lb' }, itemIds: [] }],
  reference: REFERENCE,
  fileType: 'pdf',
  order: null,
};

let fake: FakeAfterShip;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-03-02T09:00:00Z');
  fake = await startFakeAfterShip({ apiKey: KEY, now: () => clock });
});
afterEach(async () => {
  await fake.close();
});

function provider(extra: Partial<AfterShipProviderOptions> = {}): LabelProvider {
  return createAfterShipProvider({
    baseUrl: fake.baseUrl,
    apiKey: KEY,
    timeoutMs: 2_000,
    now: () => clock,
    sleep: async () => {},
    random: () => 0.5,
    ...extra,
  });
}

const lists = () => fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/postmen/v3/labels?'));

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  expect(`${(error as ProviderError).message} ${(error as ProviderError).nextStep}`).not.toContain(KEY);
  return error as ProviderError;
}

describe('AfterShip provider: finding a label after a lost answer', () => {
  it('finds the label created before the connection broke, with its tracking number and file', async () => {
    fake.failNext('reset-after-create');
    await failure(provider().createLabel(request));
    const lookup = await provider().findLabel(request);
    const created = fake.created[0]!;
    expect(lookup).toEqual({
      state: 'found',
      label: {
        providerLabelId: created.id,
        trackingNumbers: created.trackingNumbers,
        cost: { amount: 6.66, currency: 'USD' },
        labelUrl: expect.stringContaining(created.id),
      },
    });
    const url = new URL(lists()[0]!.path, 'http://x');
    expect(url.searchParams.get('s')).toBe(REFERENCE);
    expect(url.searchParams.get('created_at_min')).toBe('2026-01-31T09:00:00Z');
    expect(lists()[0]!.headers['as-api-key']).toBe(KEY);
  });

  it('says "none" when AfterShip has no label for the reference', async () => {
    expect(await provider().findLabel(request)).toEqual({ state: 'none' });
  });

  it('still finds a label bought three days ago (AfterShip only searches 24 h by default)', async () => {
    await provider().createLabel(request);
    clock = new Date(clock.getTime() + 3 * 86_400_000);
    const unfiltered = await (await fetch(`${fake.baseUrl}/labels?s=${REFERENCE}`, { headers: { 'as-api-key': KEY } })).json();
    expect(unfiltered.data.labels).toHaveLength(0);
    expect((await provider().findLabel(request)).state).toBe('found');
  });

  it('ignores labels whose reference only contains ours (the search is partial)', async () => {
    await provider().createLabel({ ...request, reference: `${REFERENCE}0` });
    expect(await provider().findLabel(request)).toEqual({ state: 'none' });
  });

  it('does not count a label that failed at AfterShip', async () => {
    fake.failNext({ type: 'pending', pollsUntilReady: 1, outcome: 'failed' });
    await failure(provider().createLabel(request));
    expect(await provider().findLabel(request)).toEqual({ state: 'none' });
  });

  it('waits for a label AfterShip is still creating, then reports it', async () => {
    fake.failNext({ type: 'pending', pollsUntilReady: 2 });
    const gaveUp = await failure(provider({ maxPolls: 0 }).createLabel(request));
    expect(gaveUp.code).toBe('aftership_still_creating');
    const lookup = await provider().findLabel(request);
    expect(lookup.state).toBe('found');
    if (lookup.state === 'found') expect(lookup.label.trackingNumbers).toEqual(fake.created[0]!.trackingNumbers);
  });

  it('follows next_token pages to find an older label among many similar references', async () => {
    await provider().createLabel(request);
    for (let i = 0; i < 60; i++) {
      clock = new Date(clock.getTime() + 60_000);
      await provider().createLabel({ ...request, orderId: `57700000000000${String(1000 + i)}`, reference: `${REFERENCE}-other-${i}` });
    }
    const lookup = await provider().findLabel(request);
    expect(lookup.state).toBe('found');
    if (lookup.state === 'found') expect(lookup.label.providerLabelId).toBe(fake.created[0]!.id);
    expect(lists()).toHaveLength(2);
    expect(new URL(lists()[1]!.path, 'http://x').searchParams.get('next_token')).toBeTruthy();
  });

  it('retries the search through a 503 and a dropped connection (GET is safe to repeat)', async () => {
    await provider().createLabel(request);
    fake.failNext({ type: 'server-error', status: 503 });
    fake.failNext('reset');
    expect((await provider().findLabel(request)).state).toBe('found');
    expect(lists()).toHaveLength(3);
  });

  it('throws (never "none") when AfterShip keeps failing, with a bounded number of tries', async () => {
    await provider().createLabel(request);
    fake.failNext('server-error', 5);
    const error = await failure(provider().findLabel(request));
    expect(error.code).toBe('aftership_lookup_failed');
    expect(error.ambiguous).toBe(true);
    expect(error.message).toMatch(/could not check at AfterShip/);
    expect(lists()).toHaveLength(3);
  });

  it.each([
    ['a refused key', 'unauthorized' as const, 'aftership_lookup_unauthorized'],
    ['a 429 storm', 'rate-limited' as const, 'aftership_lookup_failed'],
  ])('throws on %s', async (_name, fault, code) => {
    fake.failNext(fault, 10);
    const error = await failure(provider().findLabel(request));
    expect(error.code).toBe(code);
    expect(error.ambiguous).toBe(true);
  });

  it('throws when AfterShip does not answer in time', async () => {
    fake.failNext('hang', 3);
    const error = await failure(provider({ timeoutMs: 200 }).findLabel(request));
    expect(error.code).toBe('aftership_lookup_failed');
  });

  it('throws with AfterShip’s words when it refuses the search (4xxx)', async () => {
    fake.failNext({ type: 'business', code: 4104, details: [{ path: 'created_at_min', info: 'created_at_min is invalid' }] });
    const error = await failure(provider().findLabel(request));
    expect(error.message).toContain('created_at_min is invalid');
  });
});
