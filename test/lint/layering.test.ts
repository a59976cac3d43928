import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths';

const root = PROJECT_ROOT;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function resolvesInto(file: string, spec: string, folder: string): boolean {
  return spec.startsWith('.') && path.resolve(root, path.dirname(file), spec).startsWith(path.join(root, folder) + path.sep);
}

describe('where code may run (imports flow renderer -> shared, electron -> shared)', () => {
  it('keeps the station core free of Electron so it runs and is tested in plain Node', () => {
    for (const file of sourceFiles('electron/station')) {
      expect(imports(file).filter((s) => s === 'electron' || s.startsWith('electron/')), file).toEqual([]);
    }
  });

  it('keeps shared/ pure: no Node built-ins, no Electron, no renderer or electron code', () => {
    for (const file of sourceFiles('shared')) {
      const bad = imports(file).filter(
        (s) => s.startsWith('node:') || s === 'electron' || resolvesInto(file, s, 'electron') || resolvesInto(file, s, 'renderer'),
      );
      expect(bad, file).toEqual([]);
    }
  });

  it('keeps the renderer off Node and Electron: it only talks to window.station', () => {
    for (const file of sourceFiles('renderer')) {
      const bad = imports(file).filter((s) => s.startsWith('node:') || s === 'electron' || resolvesInto(file, s, 'electron'));
      expect(bad, file).toEqual([]);
    }
  });

  it('never lets the privileged side import the renderer', () => {
    for (const file of sourceFiles('electron')) {
      expect(imports(file).filter((s) => resolvesInto(file, s, 'renderer')), file).toEqual([]);
    }
  });

  it('imports electron only from electron/main and electron/preload', () => {
    const users = sourceFiles('electron').filter((file) => imports(file).includes('electron'));
    for (const file of users) expect(['electron/main', 'electron/preload'], file).toContain(path.dirname(file));
  });
});
