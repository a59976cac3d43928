/** Where the project and its test fixtures are, whatever folder a test file sits in. */
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export function fixturePath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, 'test', 'fixtures', ...parts);
}
