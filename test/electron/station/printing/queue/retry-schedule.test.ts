import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_DELAYS_MS, retryDelay } from '../../../../../electron/station/printing/queue';
import { checkPrinterStatus, holdReason } from '../../../../../electron/station/printing/queue/status-check';
import { describeSendFailure, ShortWriteError } from '../../../../../electron/station/printing/queue/send-failure';
import { PrintError } from '../../../../../electron/station/printing';

describe('print queue retry schedule', () => {
  it('backs off 1 s, 2 s, 5 s, 10 s, then every 30 s for as long as it takes', () => {
    const waits = [1, 2, 3, 4, 5, 6, 50].map((n) => retryDelay(DEFAULT_RETRY_DELAYS_MS, n));
    expect(waits).toEqual([1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000]);
  });
});

describe('print queue status check', () => {
  it('passes a ready answer through and words a fault from the printer’s own message', async () => {
    expect(await checkPrinterStatus(async () => ({ ok: true, faults: [], message: '' }), 'p', 50)).toEqual({
      ok: true,
      faults: [],
      message: '',
    });
    expect(holdReason({ ok: false, faults: ['head_open'], message: 'The print head is open.' })).toBe('The print head is open.');
    expect(holdReason({ ok: false, faults: ['head_open', 'paper_out'], message: ' ' })).toBe('The printer reports: head_open, paper_out.');
  });

  it('counts no answer, a failing status call and a malformed answer as faults, never as ready', async () => {
    const silent = await checkPrinterStatus(() => new Promise(() => undefined), 'p', 20);
    expect(silent).toMatchObject({ ok: false, faults: ['no_answer'] });
    const failing = await checkPrinterStatus(async () => Promise.reject(new Error('ECONNREFUSED')), 'p', 50);
    expect(failing).toMatchObject({ ok: false, faults: ['no_answer'] });
    const malformed = await checkPrinterStatus(async () => ({ ok: 'yes' }) as never, 'p', 50);
    expect(malformed).toMatchObject({ ok: false, faults: ['unreadable_status'] });
  });
});

describe('print queue failure wording', () => {
  it('keeps a printing error’s message but not its "reprint from History" step, since the queue retries itself', () => {
    const error = new PrintError(
      'printer_refused',
      'The printer at 10.0.0.5:9100 refused the connection.',
      'Check the printer, then reprint from History.',
    );
    expect(describeSendFailure(error)).toBe('The printer at 10.0.0.5:9100 refused the connection.');
    expect(describeSendFailure(new ShortWriteError(10, 200))).toBe('The printer took only 10 of 200 bytes of the label.');
    expect(describeSendFailure('boom')).toBe('The label could not be sent to the printer.');
  });
});
