/**
 * The print queue's words and the Scan screen's bookkeeping of labels that wait for a printer
 * (renderer/scan/print-queue-words.ts, renderer/state/scan-store.ts): pure, no browser needed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobView, PrintQueueView, PrinterQueueView } from '../../../shared/domain/print-queue';
import type { LabelRecord } from '../../../shared/domain/labels';
import {
  isSamePrinter,
  jobsOf,
  printersToShow,
  printerStatesKey,
  viewListsEveryJob,
  waitingLine,
  waitReason,
} from '../../../renderer/scan/print-queue-words';
import { useScanStore, waitingScans } from '../../../renderer/state/scan-store';

const OUT_OF_PAPER = 'The printer is out of labels: load a new roll and close the head.';

function printer(over: Partial<PrinterQueueView> = {}): PrinterQueueView {
  return {
    printerId: 'label',
    name: 'Label printer',
    address: 'tcp://192.168.1.50:9100',
    state: 'held',
    message: `${OUT_OF_PAPER} Printing continues by itself once the printer is ready; 2 labels wait in the queue.`,
    waiting: 2,
    ...over,
  };
}

function job(id: number, over: Partial<PrintJobView> = {}): PrintJobView {
  return {
    id,
    labelId: `lbl_${id}`,
    orderId: `57690000000000010${id}`,
    trackingNumber: `940011120621380000010${id}`,
    printerId: 'label',
    printerName: 'Label printer',
    address: 'tcp://192.168.1.50:9100',
    state: 'queued',
    attempts: 0,
    lastError: null,
    reprint: false,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...over,
  };
}

function label(id: string, status: LabelRecord['status']): LabelRecord {
  return {
    id,
    orderId: '576900000000000101',
    provider: 'sandbox',
    sandbox: true,
    providerLabelId: 'pl_1',
    trackingNumbers: ['9400111206213800000101'],
    cost: null,
    status,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    operator: 'Maria',
    printer: 'tcp://192.168.1.50:9100',
    format: 'pdf',
    filePath: '/labels/1.pdf',
    error: null,
    printCount: 0,
    station: 'Packing 1',
    checkUntil: null,
    boxes: [],
  };
}

describe('print queue words', () => {
  it('shows a printer that is held, retrying or has labels waiting, and leaves out one that is fine and idle', () => {
    const view: PrintQueueView = {
      printers: [
        printer(),
        printer({ printerId: 'spare', name: 'Spare', address: 'tcp://10.0.0.9:9100', state: 'retrying', waiting: 0 }),
        printer({ printerId: 'a4', name: 'Office A4', address: 'cups:Office', state: 'ok', waiting: 1, message: 'Printing…' }),
        printer({ printerId: 'idle', name: 'Idle', address: 'cups:Idle', state: 'ok', waiting: 0, message: 'The printer is ready.' }),
      ],
      jobs: [],
    };
    expect(printersToShow(view).map((p) => p.name)).toEqual(['Label printer', 'Spare', 'Office A4']);
    expect(printersToShow(undefined)).toEqual([]);
  });

  it('gives the stuck job’s own reason, not the printer message that repeats the count', () => {
    const jobs = [job(1, { state: 'held', attempts: 1, lastError: OUT_OF_PAPER }), job(2)];
    expect(waitReason(printer(), jobs)).toBe(OUT_OF_PAPER);
    // A fault with nothing waiting yet: the printer's own message.
    expect(waitReason(printer({ waiting: 0, message: 'The print head is open.' }), [])).toBe('The print head is open.');
  });

  it('matches jobs and status answers to a printer by ID, or by address when the ID is unknown', () => {
    const p = printer();
    expect(isSamePrinter(p, { printerId: 'label', address: 'cups:elsewhere' })).toBe(true);
    expect(isSamePrinter(p, { printerId: 'other', address: p.address })).toBe(false);
    expect(isSamePrinter(p, { printerId: null, address: p.address })).toBe(true);
    expect(isSamePrinter(printer({ printerId: null }), { printerId: 'label', address: 'cups:elsewhere' })).toBe(false);
    const view: PrintQueueView = { printers: [p], jobs: [job(1), job(2, { printerId: 'a4', address: 'cups:Office' })] };
    expect(jobsOf(view, p).map((j) => j.id)).toEqual([1]);
  });

  it('says how many wait and that they print by themselves', () => {
    expect(waitingLine(1)).toBe('1 label waiting — it prints by itself when the printer is ready. Do not scan it again or reprint it.');
    expect(waitingLine(3)).toMatch(/^3 labels waiting — they print by themselves when the printer is ready\./);
    expect(waitingLine(0)).toMatch(/^No labels waiting\./);
  });

  it('knows when a view lists every waiting job, so a missing job means it finished', () => {
    expect(viewListsEveryJob({ printers: [printer({ waiting: 2 })], jobs: [job(1), job(2)] })).toBe(true);
    expect(viewListsEveryJob({ printers: [printer({ waiting: 250 })], jobs: [job(1), job(2)] })).toBe(false);
  });

  it('notices when a printer becomes held or ready again, not when only a job changes', () => {
    const held: PrintQueueView = { printers: [printer()], jobs: [job(1)] };
    expect(printerStatesKey(held)).toBe(printerStatesKey({ printers: [printer({ waiting: 5 })], jobs: [] }));
    expect(printerStatesKey(held)).not.toBe(printerStatesKey({ printers: [], jobs: [] }));
    expect(printerStatesKey(held)).not.toBe(printerStatesKey({ printers: [printer({ state: 'retrying' })], jobs: [] }));
  });
});

describe('scan store: a label waiting for the printer', () => {
  beforeEach(() => {
    useScanStore.setState({
      phase: 'idle',
      scan: '',
      result: undefined,
      recent: [],
      failedAt: undefined,
      waitingAt: undefined,
      step: undefined,
    });
  });

  function scanQueued(scan: string, labelId: string, printJobId: number) {
    const store = useScanStore.getState();
    store.start(scan);
    store.progress({
      jobId: `job-${printJobId}`,
      step: 'done',
      message: 'Label bought and saved. It waits for the printer.',
      orderId: scan,
    });
    store.finish({ outcome: 'queued', jobId: `job-${printJobId}`, label: label(labelId, 'queued'), printJobId, message: 'waits' }, scan);
  }

  it('shows the printing step as waiting, not failed and not done, and remembers the job', () => {
    scanQueued('576900000000000101', 'lbl_1', 7);
    const state = useScanStore.getState();
    expect(state.waitingAt).toBe('printing');
    expect(state.step).toBe('printing');
    expect(state.failedAt).toBeUndefined();
    expect(state.recent[0]?.result).toBe('queued');
    expect(waitingScans(state.recent)).toEqual([{ printJobId: 7, labelId: 'lbl_1' }]);
  });

  it('turns the recent scan and the outcome on screen into printed once the job prints', () => {
    scanQueued('576900000000000101', 'lbl_1', 7);
    scanQueued('576900000000000202', 'lbl_2', 8);
    useScanStore.getState().printSettled(7, 'printed');
    let state = useScanStore.getState();
    expect(state.recent.map((r) => r.result)).toEqual(['queued', 'printed']);
    // The outcome on screen is the second scan: still waiting.
    expect(state.result?.outcome === 'queued' && state.result.label.status).toBe('queued');
    expect(state.waitingAt).toBe('printing');

    useScanStore.getState().printSettled(8, 'printed');
    state = useScanStore.getState();
    expect(state.recent.map((r) => r.result)).toEqual(['printed', 'printed']);
    expect(state.result?.outcome === 'queued' && state.result.label.status).toBe('printed');
    expect(state.step).toBe('done');
    expect(state.waitingAt).toBeUndefined();
    expect(waitingScans(state.recent)).toEqual([]);
  });

  it('a cancelled job leaves the label to reprint: the printing step fails', () => {
    scanQueued('576900000000000101', 'lbl_1', 7);
    useScanStore.getState().printSettled(7, 'print_failed');
    const state = useScanStore.getState();
    expect(state.recent[0]?.result).toBe('print_failed');
    expect(state.result?.outcome === 'queued' && state.result.label.status).toBe('print_failed');
    expect(state.failedAt).toBe('printing');
  });

  it('ignores a label that is still waiting', () => {
    scanQueued('576900000000000101', 'lbl_1', 7);
    useScanStore.getState().printSettled(7, 'queued');
    expect(useScanStore.getState().recent[0]?.result).toBe('queued');
  });
});
