import { describe, expect, it } from 'vitest';
import { LabelDownloads } from '../../../../electron/station/labels/label-downloads';
import { unprintedLabels } from '../../../../electron/station/labels/unprinted-labels';
import type { LabelHistory, StoredLabel } from '../../../../electron/station/history';

/** A history whose one label is already recorded as bought and never printed. */
function historyWith(label: Pick<StoredLabel, 'id'>): LabelHistory {
  return { listUnprinted: async () => [label] } as unknown as LabelHistory;
}

describe('"bought but never printed" while a label is being adopted', () => {
  it('does not list a label between its purchase being recorded and its file download starting', async () => {
    const downloads = new LabelDownloads();
    const history = historyWith({ id: 'label-1' } as StoredLabel);
    const release = downloads.reserve('label-1'); // adoption under way
    expect(await unprintedLabels(history, downloads)).toEqual([]);

    let arrive!: () => void;
    const download = downloads.share('label-1', () => new Promise<void>((resolve) => (arrive = resolve)));
    release(); // the adoption gave up waiting; the download goes on
    expect(await unprintedLabels(history, downloads)).toEqual([]);

    arrive();
    await download;
    expect((await unprintedLabels(history, downloads)).map((l) => l.id)).toEqual(['label-1']);
  });

  it('lists it once the adoption ends with its file already here, and a second release changes nothing', async () => {
    const downloads = new LabelDownloads();
    const history = historyWith({ id: 'label-2' } as StoredLabel);
    const first = downloads.reserve('label-2');
    const second = downloads.reserve('label-2');
    first();
    first();
    expect(await unprintedLabels(history, downloads)).toEqual([]);
    second();
    expect((await unprintedLabels(history, downloads)).map((l) => l.id)).toEqual(['label-2']);
  });
});
