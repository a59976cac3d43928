/**
 * A label that printed while the history could not hear it (the station was killed between the
 * printer's "done" and the history's "printed") is shown printed after the next start, never left
 * "waiting for its printer" with no job in any queue.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabelStatus, PrintAttempt } from '../../../../../shared/domain/labels';
import type { Settings } from '../../../../../shared/domain/settings';
import { openDatabase, type StationDatabase } from '../../../../../electron/station/history/database';
import { PrintService, type PrintableLabel, type PrintRecords } from '../../../../../electron/station/printing';
import { DEFAULT_SETTINGS } from '../../../../../electron/station/settings/defaults';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { makeTempDir } from '../../../../support/temp-dir';

const ZPL = new TextEncoder().encode('^XA^FO50,50^A0N,40,40^FDLABEL^FS^XZ\n');

/** The history as the print service sees it; `deafToPrints` hangs the writes a finished print makes, as in a killed process. */
class MemoryRecords implements PrintRecords {
  readonly labels = new Map<string, PrintableLabel>();
  readonly attempts: Array<Omit<PrintAttempt, 'id' | 'at'>> = [];
  deafToPrints = false;

  async get(id: string) {
    return this.labels.get(id);
  }
  async getMany(ids: readonly string[]) {
    return ids.flatMap((id) => this.labels.get(id) ?? []);
  }
  async setStatus(id: string, status: LabelStatus) {
    if (status === 'printed') await this.hearing();
    const label = { ...this.labels.get(id)!, status };
    this.labels.set(id, label);
    return label;
  }
  async recordPrintAttempt(attempt: Omit<PrintAttempt, 'id' | 'at'>) {
    await this.hearing();
    this.attempts.push(attempt);
  }
  private hearing(): Promise<void> {
    return this.deafToPrints ? new Promise(() => undefined) : Promise.resolve();
  }
}

let temp: ReturnType<typeof makeTempDir>;
let printer: CapturePrinter;
const databases: StationDatabase[] = [];
const services: PrintService[] = [];

function service(records: MemoryRecords): PrintService {
  const db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  databases.push(db);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    printers: { defaultId: 'p', list: [{ ...DEFAULT_SETTINGS.printers.list[0]!, id: 'p', address: printer.address, statusCheck: false }] },
  };
  const printing = new PrintService({ db, history: records, settings: () => settings, log: () => undefined });
  services.push(printing);
  return printing;
}

beforeEach(async () => {
  temp = makeTempDir('print-history-');
  printer = await startCapturePrinter();
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop().catch(() => undefined)));
  for (const db of databases.splice(0)) if (db.open) db.close();
  await printer.close();
  temp.remove();
});

describe('print history after a restart', () => {
  it('records a print the killed station never recorded, once, without printing it again', async () => {
    const before = new MemoryRecords();
    before.labels.set('label-1', { id: 'label-1', orderId: '576000000000000001', status: 'bought', trackingNumbers: ['T1'] });
    const killed = service(before);
    killed.start();
    const profile = { ...DEFAULT_SETTINGS.printers.list[0]!, id: 'p', address: printer.address, statusCheck: false };
    before.deafToPrints = true; // the printer takes the label; the process dies before the history hears "done"
    void killed.print(before.labels.get('label-1')!, ZPL, profile, false);
    await printer.waitForJobs(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(before.labels.get('label-1')!.status).toBe('queued');
    services.splice(services.indexOf(killed), 1);

    const after = new MemoryRecords();
    after.labels.set('label-1', { ...before.labels.get('label-1')! });
    expect(after.labels.get('label-1')!.status).not.toBe('printed');
    const restarted = service(after);
    restarted.start();
    await restarted.stop();

    expect(after.labels.get('label-1')!.status).toBe('printed');
    expect(after.attempts).toEqual([expect.objectContaining({ labelId: 'label-1', ok: true, reprint: false })]);
    expect(printer.jobs).toHaveLength(1);

    const again = service(after);
    again.start();
    await again.stop();
    expect(after.attempts).toHaveLength(1);
  });

  it('sends the queue view again once History has the label printed, so a screen refreshed by it reads "printed"', async () => {
    const records = new MemoryRecords();
    records.labels.set('label-2', { id: 'label-2', orderId: '576000000000000002', status: 'bought', trackingNumbers: ['T2'] });
    // History is slow to hear the print (a loaded station, a fleet database): the view must not outrun it.
    const slowSet = records.setStatus.bind(records);
    records.setStatus = async (id, status) => {
      if (status === 'printed') await new Promise((resolve) => setTimeout(resolve, 150));
      return slowSet(id, status);
    };
    const printing = service(records);
    const seen: LabelStatus[] = [];
    printing.onChange(() => seen.push(records.labels.get('label-2')!.status));
    printing.start();
    const profile = { ...DEFAULT_SETTINGS.printers.list[0]!, id: 'p', address: printer.address, statusCheck: false };
    await printing.print(records.labels.get('label-2')!, ZPL, profile, false);
    await printer.waitForJobs(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(records.labels.get('label-2')!.status).toBe('printed');
    expect(seen.at(-1)).toBe('printed');
  });
});
