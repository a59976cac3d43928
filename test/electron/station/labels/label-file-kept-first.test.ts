/**
 * A fleet station that stops while it keeps a label's file never leaves the shared database saying
 * "file kept" without the file: the bytes are stored first, and a row still missing its file is
 * completed by the missing-file pass from the bytes the database holds (the provider may be gone).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openFleetDatabase, type FleetDatabase } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { LabelFiles } from '../../../../electron/station/labels/label-files';
import { ensureLabelFile, type LabelPrintingDeps } from '../../../../electron/station/labels/label-printing';
import type { ProviderFactory } from '../../../../electron/station/providers';
import { DEFAULT_SETTINGS } from '../../../../electron/station/settings/defaults';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';
import { newLabel } from '../../../support/new-label';

const ZPL = new TextEncoder().encode('^XA^FO50,50^BCN,100^FD9400111899223344556677^FS^XZ');
const folder = makeTempDir();
let fleet: FleetDatabase;

beforeAll(async () => {
  fleet = await openFleetDatabase(await freshPostgresDatabase('kept'));
});
afterAll(async () => {
  await fleet?.close();
  folder.remove();
});

/** The shared database, as a station sees it; `stopBeforeMarking` plays the station stopping right before the row says "file kept". */
class StoppingHistory extends HistoryStore {
  stopBeforeMarking = false;
  override async attachFile(...args: Parameters<HistoryStore['attachFile']>) {
    if (this.stopBeforeMarking) throw new Error('the station stopped');
    return super.attachFile(...args);
  }
}

function deps(history: HistoryStore, download: () => Promise<Uint8Array>): LabelPrintingDeps {
  const provider = { title: 'Sandbox', downloadLabel: download };
  return {
    history,
    files: new LabelFiles(folder.dir),
    providers: { get: () => provider } as unknown as ProviderFactory,
    settings: () => DEFAULT_SETTINGS,
    printing: undefined as never,
    log: () => {},
    operator: 'Ana',
  };
}

it('stores the file before saying it is kept, and a station completes a row left without it, without the provider', async () => {
  const history = new StoppingHistory(fleet);
  const claimed = (await history.insertBuying(newLabel('576000000000000777', 'kept-1')))!;
  const bought = await history.markBought(claimed.id, {
    providerLabelId: 'p-777',
    trackingNumbers: ['9400111899223344556677'],
    cost: { amount: 5.1, currency: 'USD' },
    labelUrl: 'https://labels.example/p-777.zpl',
  });

  history.stopBeforeMarking = true;
  await expect(
    ensureLabelFile(
      deps(history, async () => ZPL),
      bought,
    ),
  ).rejects.toThrow('the station stopped');
  // The file is in the shared database although the row does not say so yet: the pass finds the row.
  expect((await history.readFile(bought.id))?.bytes).toEqual(ZPL);
  const missing = await history.listMissingFiles();
  expect(missing.map((l) => l.id)).toEqual([bought.id]);

  // The next start's pass, on another station's disk and with the provider gone.
  history.stopBeforeMarking = false;
  const gone = async (): Promise<Uint8Array> => {
    throw new Error('the provider cannot be reached');
  };
  const secured = await ensureLabelFile({ ...deps(history, gone), files: new LabelFiles(`${folder.dir}/other-station`) }, missing[0]!);
  expect(secured.bytes).toEqual(ZPL);
  expect(secured.label).toMatchObject({ format: 'zpl', filePath: expect.stringContaining('kept-1.zpl') });
  expect(await history.listMissingFiles()).toEqual([]);
});
