/** A disk fault in a test: `length` bytes of `file` from `at` overwritten with `byte`. */
import { closeSync, openSync, writeSync } from 'node:fs';

export function damageFile(file: string, at: number, length: number, byte = 0): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, byte), 0, length, at);
  } finally {
    closeSync(fd);
  }
}
