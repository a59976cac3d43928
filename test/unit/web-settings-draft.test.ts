import { describe, expect, it } from 'vitest';
import type { PublicSettings } from '../../shared/schemas';
import { draftFromSettings, patchFromDraft, splitFieldProblems } from '../../renderer/settings-draft';

const settings: PublicSettings = {
  provider: 'sandbox',
  aftership: { baseUrl: 'https://api.aftership.com' },
  printer: { address: 'tcp://10.0.0.5:9100', dpi: 203 },
  defaultParcel: { dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, weight: { value: 1.2, unit: 'lb' } },
  operator: 'Maria',
  sandbox: { latencyMs: 400 },
  apiKeySet: false,
  lockedByEnv: [],
};

describe('settings form draft', () => {
  it('round-trips unchanged settings into a full patch', () => {
    const { patch, errors } = patchFromDraft(draftFromSettings(settings), []);
    expect(errors).toEqual([]);
    expect(patch).toEqual({
      provider: 'sandbox',
      aftership: { baseUrl: 'https://api.aftership.com' },
      printer: { address: 'tcp://10.0.0.5:9100', dpi: 203 },
      defaultParcel: settings.defaultParcel,
      operator: 'Maria',
      sandbox: { latencyMs: 400 },
    });
  });

  it('leaves fields set by environment variables out of the patch', () => {
    const locked = [
      { field: 'printer.address', variable: 'LABEL_STATION_PRINTER' },
      { field: 'operator', variable: 'LABEL_STATION_OPERATOR' },
    ];
    const { patch } = patchFromDraft({ ...draftFromSettings(settings), operator: 'Someone else' }, locked);
    expect(patch.printer).toEqual({ dpi: 203 });
    expect(patch).not.toHaveProperty('operator');
  });

  it('reports numbers that are not numbers instead of sending NaN', () => {
    const { errors } = patchFromDraft({ ...draftFromSettings(settings), width: 'eight', latencyMs: '1.5' }, []);
    expect(errors).toEqual(['Width must be a number.', 'Sandbox delay must be a whole number of milliseconds.']);
    expect(patchFromDraft({ ...draftFromSettings(settings), weight: '2,5' }, []).patch.defaultParcel?.weight).toEqual({ value: 2.5, unit: 'lb' });
  });

  it('turns the station\'s invalid_input message into one readable line per field', () => {
    const message =
      'aftership.baseUrl: Must be a web address starting with https://; aftership.baseUrl: Must be a web address starting with https://; defaultParcel.dimension.width: Width must be more than 0; something odd';
    expect(splitFieldProblems(message)).toEqual([
      { field: 'aftership.baseUrl', text: 'AfterShip address: Must be a web address starting with https://' },
      { field: 'defaultParcel.dimension.width', text: 'Width must be more than 0' },
      { text: 'something odd' },
    ]);
  });
});
