import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

type FindElectronBinary = (projectRoot: string, env?: Record<string, string | undefined>) => string | null;

let findElectronBinary: FindElectronBinary;
let project: string;
const electronDir = () => path.join(project, 'node_modules', 'electron');

describe('npm start: choosing the desktop or the browser shell', () => {
  beforeAll(async () => {
    const script = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/start.mjs')).href;
    ({ findElectronBinary } = (await import(script)) as { findElectronBinary: FindElectronBinary });
  });
  beforeEach(() => {
    project = mkdtempSync(path.join(tmpdir(), 'station-start-'));
    mkdirSync(path.join(electronDir(), 'dist'), { recursive: true });
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('uses the browser shell when Electron was installed without its binary (no path.txt)', () => {
    expect(findElectronBinary(project, {})).toBeNull();
  });

  it('uses the browser shell when path.txt names a binary that is not there', () => {
    writeFileSync(path.join(electronDir(), 'path.txt'), 'electron');
    expect(findElectronBinary(project, {})).toBeNull();
  });

  it('finds the Electron binary named by path.txt', () => {
    writeFileSync(path.join(electronDir(), 'path.txt'), 'electron');
    writeFileSync(path.join(electronDir(), 'dist', 'electron'), '');
    expect(findElectronBinary(project, {})).toBe(path.join(electronDir(), 'dist', 'electron'));
  });
});
