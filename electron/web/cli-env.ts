/** What the web CLI reads from its environment, kept apart from cli.ts so it can be tested without a core. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PORT = 4780;

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LABEL_STATION_PORT must be a whole number from 0 to 65535 (got "${raw}").`);
  }
  return port;
}

export function resolveDataDir(raw: string | undefined, cwd: string): string {
  return path.resolve(cwd, raw && raw.trim() !== '' ? raw : '.station-data');
}

/** The folder holding package.json, found from this file so the cwd does not matter. */
export function findProjectRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (let i = 0; i < 10; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Could not find the Label Station folder (package.json) above ${start}`);
}
