/** What History says after asking the provider again, or after a supervisor's "no label exists". */
import { describe, expect, it } from 'vitest';
import { describeDecision } from '../../../renderer/history/uncertain-words';
import { clockTime } from '../../../renderer/ui/format';
import { labelRecord } from '../label-record';

describe('describeDecision', () => {
  it('a label found and saved but never printed is to be printed, not reprinted', () => {
    const found = describeDecision(labelRecord({ status: 'bought', printCount: 0 }), 'recheck', 'AfterShip');
    expect(found).toEqual({
      text: '✓ AfterShip has a label for this order: it is saved in History now, not printed yet. Press Print label; nothing is bought again.',
      tone: 'good',
    });
    expect(describeDecision(labelRecord({ status: 'printed', printCount: 1 }), 'recheck', 'AfterShip').text).toContain(
      'Print it with Reprint',
    );
  });

  it('still checking: no label yet, and until when the station keeps asking', () => {
    const until = '2026-12-04T14:32:05.000Z';
    expect(describeDecision(labelRecord({ status: 'checking', checkUntil: until }), 'recheck', 'AfterShip')).toEqual({
      text: `No label from AfterShip for this order yet. The station keeps asking until ${clockTime(until)}.`,
      tone: 'warn',
    });
  });

  it('none, by the provider or by a supervisor: scan again; a provider that cannot tell: try again or check the dashboard', () => {
    expect(describeDecision(labelRecord({ status: 'failed' }), 'recheck', 'AfterShip').text).toBe(
      'AfterShip confirms no label was bought. Scan the order again to buy its label.',
    );
    expect(describeDecision(labelRecord({ status: 'failed' }), 'confirm_no_label', 'AfterShip').text).toMatch(/^Recorded: no label exists/);
    expect(describeDecision(labelRecord({ status: 'unknown' }), 'recheck', 'Shipium')).toMatchObject({ tone: 'bad' });
  });
});

describe('clockTime', () => {
  it('is the time of day to the second on a 24-hour clock, as the station writes it', () => {
    expect(clockTime('2026-12-04T14:32:05.000Z')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(clockTime('not a time')).toBe('not a time');
  });
});
