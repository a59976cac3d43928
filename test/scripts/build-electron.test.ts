import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/contract';

type BuildJob = { name: string; options: Parameters<typeof build>[0] & { outfile: string; format?: string } };

const root = path.resolve(import.meta.dirname, '..', '..');
let outDir: string;
let jobs: BuildJob[];

describe('electron build (scripts/build-electron.mjs)', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'station-build-'));
    const script = (await import(pathToFileURL(path.join(root, 'scripts/build-electron.mjs')).href)) as {
      electronBuilds(options: { root: string; outDir: string }): BuildJob[];
    };
    jobs = script.electronBuilds({ root, outDir });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds main as an ES module next to a CJS preload', () => {
    const byName = Object.fromEntries(jobs.map((job) => [job.name, job.options]));
    expect(byName.main).toMatchObject({ format: 'esm', platform: 'node', outfile: path.join(outDir, 'electron/main.js') });
    expect(byName.preload).toMatchObject({ format: 'cjs', outfile: path.join(outDir, 'electron/preload.cjs') });
  });

  it('bundles a preload that a sandboxed renderer can run: it requires nothing but electron', async () => {
    const preload = jobs.find((job) => job.name === 'preload')!;
    await build({ ...preload.options, sourcemap: false });
    const code = readFileSync(preload.options.outfile, 'utf8');

    const exposeInMainWorld = vi.fn();
    const fakeElectron = { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() } };
    const required: string[] = [];
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return fakeElectron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });

    expect(required).toEqual(['electron']);
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('station');
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
  });
});
