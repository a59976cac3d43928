/** The on-disk cache of label files, so a reprint never needs the network. */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { LabelFormat } from '../../../shared/domain/labels';

export class LabelFiles {
  constructor(private readonly dir: string) {}

  /**
   * Writes atomically (temp file, fsync, rename) so a crash never leaves half a label. Each write has
   * its own temp file: a reprint and a preview may fetch the same label at once.
   */
  async save(labelId: string, format: LabelFormat, bytes: Uint8Array, createdAt: Date): Promise<string> {
    const target = this.pathFor(labelId, format, createdAt);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return target;
  }

  /** Where this station keeps (or would keep) a label's file: the same for every station of a fleet. */
  pathFor(labelId: string, format: LabelFormat, createdAt: Date): string {
    return path.join(this.dir, createdAt.toISOString().slice(0, 10), `${labelId}.${format}`);
  }

  async read(filePath: string): Promise<Uint8Array> {
    const resolved = path.resolve(filePath);
    if (!resolved.startsWith(path.resolve(this.dir) + path.sep)) {
      throw new Error('label file outside the label folder');
    }
    return new Uint8Array(await readFile(resolved));
  }
}
