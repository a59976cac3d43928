/**
 * Retention of label files on the real station core, with the loopback AfterShip fake: files older
 * than the setting leave the disk, the labels stay in History (marked pruned), the background pass
 * does not fetch them again, and a reprint downloads the file again and prints it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, LabelFileMarks, openDatabase, sqliteHistory, type StationDatabase } from '../../../../electron/station/history';
import { pruneLabelFiles } from '../../../../electron/station/labels';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';
import { expectOutcome } from '../../../support/expect-outcome';

const API_KEY = 'asat_retention_test_key_0123456';
const ORDER = '577100000000000777';
const DAY = 24 * 60 * 60 * 1000;
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
let station: Harness;
let db: StationDatabase;

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY });
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
  // A second connection to the station's SQLite (WAL), as the retention run has.
  db = openDatabase(path.join(station.dataDir, 'history.sqlite'));
});
afterEach(async () => {
  db.close();
  await station.close();
  await aftership.close();
  await printer.close();
});

const labelFiles = () =>
  readdirSync(path.join(station.dataDir, 'labels'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
const downloads = () => aftership.requests.filter((r) => r.path.startsWith('/files/')).length;

describe('label file retention', () => {
  it('removes old files but keeps the label; the background pass leaves it; a reprint downloads it again', async () => {
    const first = await station.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'printed');
    const id = first.label.id;
    expect(labelFiles()).toEqual([expect.stringMatching(new RegExp(`^${id}\\.(pdf|zpl)$`))]);
    const marks = new LabelFileMarks(sqliteHistory(db));
    const labelsDir = path.join(station.dataDir, 'labels');

    // Younger than the setting: kept.
    expect(await pruneLabelFiles({ dir: labelsDir, days: 90, now: new Date(), marks })).toEqual({ pruned: 0, more: false });
    expect(labelFiles()).toHaveLength(1);

    // 91 days later: the file goes, its day folder too; the label stays, marked.
    expect(await pruneLabelFiles({ dir: labelsDir, days: 90, now: new Date(Date.now() + 91 * DAY), marks })).toEqual({
      pruned: 1,
      more: false,
    });
    expect(labelFiles()).toEqual([]);
    expect(readdirSync(labelsDir)).toEqual([]);
    const found = await station.call('searchHistory', { query: ORDER });
    expect(found.labels.map((l) => l.id)).toEqual([id]);
    expect(await marks.prunedAt(id)).not.toBeNull();
    // The start-up pass that secures missing files does not see it (it would download it only to prune it again).
    expect((await new HistoryStore(sqliteHistory(db)).listMissingFiles()).map((l) => l.id)).not.toContain(id);

    // A reprint downloads it again from AfterShip and prints it.
    const before = downloads();
    const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: id });
    expect(reprint.ok).toBe(true);
    expect(downloads()).toBe(before + 1);
    const jobs = await printer.waitForJobs(2, 5000);
    expect(jobs[1]!.equals(jobs[0]!)).toBe(true);
    expect(labelFiles()).toHaveLength(1);
    expect(await marks.prunedAt(id)).toBeNull();
  });

  it('removes files in bounded batches and stops at the run’s maximum, leaving the rest for the next run', async () => {
    const dir = path.join(station.dataDir, 'old-labels');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(path.join(dir, '2026-01-02'), { recursive: true });
    for (let i = 0; i < 25; i++) writeFileSync(path.join(dir, '2026-01-02', `label-${i}.pdf`), '%PDF-1.4');
    const marked: string[][] = [];
    const marks = { markPruned: async (ids: readonly string[]) => (marked.push([...ids]), ids.length) };
    const now = new Date('2026-12-05T08:00:00Z');
    expect(await pruneLabelFiles({ dir, days: 90, now, marks, batchFiles: 10, maxFiles: 15 })).toEqual({ pruned: 15, more: true });
    expect(marked.map((b) => b.length)).toEqual([10, 5]);
    expect(await pruneLabelFiles({ dir, days: 90, now, marks, batchFiles: 10, maxFiles: 15 })).toEqual({ pruned: 10, more: false });
    expect(existsSync(path.join(dir, '2026-01-02'))).toBe(false);
    // 0 days: kept forever.
    mkdirSync(path.join(dir, '2020-01-01'), { recursive: true });
    writeFileSync(path.join(dir, '2020-01-01', 'x.pdf'), '%PDF');
    expect(await pruneLabelFiles({ dir, days: 0, now, marks })).toEqual({ pruned: 0, more: false });
  });
});
