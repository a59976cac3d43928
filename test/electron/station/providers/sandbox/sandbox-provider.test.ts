import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxProvider, sandboxTrackingNumber } from '../../../../../electron/station/providers/sandbox';
import { makeTempDir } from '../../../../support/temp-dir';
import { ProviderError, type LabelRequest } from '../../../../../electron/station/providers/provider';
import bwipjs from 'bwip-js/node';

const parcel = {
  dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const },
  weight: { value: 1.5, unit: 'lb' as const },
  itemIds: [],
};
const request = (orderId: string, reference = `st1:${orderId}:1`): LabelRequest => ({
  orderId,
  parcels: [parcel],
  reference,
  fileType: 'pdf',
  order: null,
});
const fixedNow = () => new Date('2026-01-28T10:00:00Z');

describe('sandbox provider', () => {
  it('gives the same order the same tracking number and label, every time and across instances', async () => {
    const a = await createSandboxProvider({ now: fixedNow }).createLabel(request('576477431806268482'));
    const b = await createSandboxProvider({ now: fixedNow }).createLabel(request('576477431806268482'));
    expect(a).toEqual(b);
    expect(a.trackingNumbers).toHaveLength(1);
    expect(a.trackingNumbers[0]).toMatch(/^SBX\d{18}$/);
    expect(a.labelUrl).toBe(`sandbox://labels/${a.providerLabelId}.pdf`);
    expect(a.providerLabelId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a.cost).toEqual({ amount: 0, currency: 'USD' });
  });

  it('gives different orders different tracking numbers', async () => {
    const provider = createSandboxProvider({ now: fixedNow });
    const ids = ['576477431806268482', '576477431806268483', '577000000000000001', '576999999999999999'];
    const numbers = await Promise.all(ids.map(async (id) => (await provider.createLabel(request(id))).trackingNumbers[0]));
    expect(new Set(numbers).size).toBe(ids.length);
  });

  it('keeps the tracking number when only the reference changes, but not the label id', async () => {
    const provider = createSandboxProvider({ now: fixedNow });
    const first = await provider.createLabel(request('576477431806268482', 'ref-a'));
    const second = await provider.createLabel(request('576477431806268482', 'ref-b'));
    expect(second.trackingNumbers).toEqual(first.trackingNumbers);
    expect(second.providerLabelId).not.toBe(first.providerLabelId);
  });

  it('gives each parcel of a multi-parcel order its own tracking number', async () => {
    const label = await createSandboxProvider().createLabel({ ...request('576477431806268482', 'r'), parcels: [parcel, parcel] });
    expect(label.trackingNumbers).toEqual([sandboxTrackingNumber('576477431806268482', 0), sandboxTrackingNumber('576477431806268482', 1)]);
    expect(label.trackingNumbers[0]).not.toBe(label.trackingNumbers[1]);
  });

  it('makes tracking numbers that Code 128 encodes', () => {
    const tracking = sandboxTrackingNumber('576477431806268482', 0);
    const raw = bwipjs.raw('code128', tracking, {});
    expect(raw[0] && 'sbs' in raw[0] ? raw[0].sbs.length : 0).toBeGreaterThan(20);
  });

  it('refuses a request without an 18-digit order ID, buying nothing', async () => {
    const error = await createSandboxProvider()
      .createLabel(request('1001'))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.ambiguous).toBe(false);
    expect(error.message).toMatch(/18 digits/);
  });

  it('takes the simulated latency', async () => {
    const provider = createSandboxProvider({ latencyMs: 150 });
    const started = performance.now();
    await provider.createLabel(request('576477431806268482'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('stops waiting as soon as the request is cancelled, and says nothing was bought', async () => {
    const provider = createSandboxProvider({ latencyMs: 5_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const error = await provider.createLabel(request('576477431806268482'), controller.signal).catch((e) => e);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.ambiguous).toBe(false);
    expect(error.message).toMatch(/nothing was bought/);
  });

  it('downloads a PDF for its own label URL, even from a fresh instance (after a restart)', async () => {
    const label = await createSandboxProvider().createLabel(request('576477431806268482'));
    const bytes = await createSandboxProvider().downloadLabel(label.labelUrl);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('refuses to download a URL that is not a sandbox label', async () => {
    const error = await createSandboxProvider()
      .downloadLabel('https://example.com/label.pdf')
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe('label_url_invalid');
  });
});

describe('sandbox provider: finding labels it sold (reconciliation)', () => {
  const temp: Array<{ remove: () => void }> = [];
  afterEach(() => {
    for (const t of temp.splice(0)) t.remove();
  });
  const tempDir = () => {
    const t = makeTempDir('sandbox-ledger-');
    temp.push(t);
    return t.dir;
  };

  it('says what it can do: tracking and lookup, no void, not slow', () => {
    expect(createSandboxProvider().capabilities).toEqual({
      tracking: true,
      void: false,
      lookup: true,
      slow: false,
      boxesPerRequest: 'all',
    });
  });

  it('finds a label it sold by order and reference, and says "none" for one it did not', async () => {
    const provider = createSandboxProvider({ now: fixedNow });
    const sold = await provider.createLabel(request('576477431806268482'));
    expect(await provider.findLabel(request('576477431806268482'))).toEqual({ state: 'found', label: sold });
    expect(await provider.findLabel(request('576477431806268482', 'another-ref'))).toEqual({ state: 'none' });
    expect(await provider.findLabel(request('576477431806268483', 'st1:576477431806268482:1'))).toEqual({ state: 'none' });
  });

  it('still knows what it sold after a restart when it keeps a ledger in the data dir', async () => {
    const dir = tempDir();
    const req = {
      ...request('576477431806268482'),
      parcels: [
        { ...parcel, itemIds: ['A1'] },
        { ...parcel, itemIds: ['B1', 'B2'] },
      ],
    };
    const sold = await createSandboxProvider({ ledgerDir: dir, now: fixedNow }).createLabel(req);
    const restarted = createSandboxProvider({ ledgerDir: dir });
    expect(await restarted.findLabel(req)).toEqual({ state: 'found', label: sold });
    expect(await createSandboxProvider().findLabel(req)).toEqual({ state: 'none' }); // memory only: forgotten
    expect(readFileSync(join(dir, 'sandbox-labels.jsonl'), 'utf8')).toContain('"itemIds":["B1","B2"]');
  });

  it('sells the same reference once: buying it again returns the same label and adds no ledger line', async () => {
    const dir = tempDir();
    const provider = createSandboxProvider({ ledgerDir: dir, now: fixedNow });
    const first = await provider.createLabel(request('576477431806268482'));
    const again = await createSandboxProvider({ ledgerDir: dir }).createLabel(request('576477431806268482'));
    expect(again).toEqual(first);
    expect(readFileSync(join(dir, 'sandbox-labels.jsonl'), 'utf8').trim().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('skips a line torn by a crash and keeps the others', async () => {
    const dir = tempDir();
    const sold = await createSandboxProvider({ ledgerDir: dir }).createLabel(request('576477431806268482'));
    appendFileSync(join(dir, 'sandbox-labels.jsonl'), '{"orderId":"5764774318062');
    const restarted = createSandboxProvider({ ledgerDir: dir });
    expect(await restarted.findLabel(request('576477431806268482'))).toEqual({ state: 'found', label: sold });
    await restarted.createLabel(request('576477431806268483'));
    expect((await createSandboxProvider({ ledgerDir: dir }).findLabel(request('576477431806268483'))).state).toBe('found');
  });

  it('refuses an invalid lookup instead of answering "none"', async () => {
    const error = await createSandboxProvider()
      .findLabel(request('1001'))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ProviderError);
  });
});

describe('sandbox provider: a ledger it cannot write', () => {
  it('refuses to work with a data folder it cannot use, in words for the packer', async () => {
    const t = makeTempDir('sandbox-ledger-ro-');
    try {
      const { writeFileSync } = await import('node:fs');
      const dir = join(t.dir, 'not-a-dir');
      writeFileSync(dir, 'a file where the ledger folder should be');
      const error = await createSandboxProvider({ ledgerDir: dir })
        .createLabel(request('576477431806268482'))
        .catch((e) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error.code).toBe('sandbox_ledger_unreadable');
      expect(error.nextStep).toMatch(/data folder/);
    } finally {
      t.remove();
    }
  });
});
