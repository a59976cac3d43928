/** The label file cache: a reprint never needs the network once a label's file is saved. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabelFiles } from '../../../../electron/station/labels/label-files';
import { makeTempDir } from '../../../support/temp-dir';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

describe('label files', () => {
  it('saves the same label fetched twice at once (a reprint and a preview) without either failing', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const files = new LabelFiles(temp.dir);
    const bytes = new TextEncoder().encode('%PDF-1.7 label');
    const created = new Date('2026-12-04T10:00:00Z');
    const saved = await Promise.all(Array.from({ length: 5 }, () => files.save('lbl-1', 'pdf', bytes, created)));
    expect(new Set(saved).size).toBe(1);
    expect(await files.read(saved[0]!)).toEqual(bytes);
    expect(readdirSync(path.dirname(saved[0]!))).toEqual(['lbl-1.pdf']);
  });

  it('reads only files inside its own folder', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    await expect(new LabelFiles(temp.dir).read(path.join(temp.dir, '..', 'elsewhere.pdf'))).rejects.toThrow(/outside the label folder/);
  });
});
