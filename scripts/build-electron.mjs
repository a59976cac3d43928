#!/usr/bin/env node
/**
 * Bundles the privileged side with esbuild:
 *   electron/main/main.ts       -> dist/electron/main.js     (ESM, Node; npm packages stay external)
 *   electron/preload/preload.ts -> dist/electron/preload.cjs (CJS, one self-contained file: sandboxed
 *                                                     preloads can require only 'electron')
 *   electron/web/cli.ts -> dist/web/cli.js           (ESM, Node; skipped if that shell is absent)
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Lets bundled code that still calls require() (or a dependency's CJS interop) work inside an ES module.
const esmRequireBanner =
  "import { createRequire as __stationCreateRequire } from 'node:module';\nconst require = __stationCreateRequire(import.meta.url);";

/** The esbuild jobs, as { name, options }; outDir defaults to <root>/dist. */
export function electronBuilds({ root = projectRoot, outDir = path.join(root, 'dist') } = {}) {
  const src = (...parts) => path.join(root, ...parts);
  const nodeEsm = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: esmRequireBanner },
  };
  const builds = [
    {
      name: 'main',
      options: {
        ...nodeEsm,
        entryPoints: [src('electron/main/main.ts')],
        outfile: path.join(outDir, 'electron/main.js'),
        target: 'node22', // Electron 39 ships Node 22
        external: ['electron'],
      },
    },
    {
      name: 'preload',
      options: {
        entryPoints: [src('electron/preload/preload.ts')],
        outfile: path.join(outDir, 'electron/preload.cjs'),
        bundle: true,
        // The sandboxed preload has no Node: building for the browser makes any Node import a build error.
        platform: 'browser',
        format: 'cjs',
        target: 'chrome130',
        external: ['electron'],
        sourcemap: true,
        minify: true,
        logLevel: 'warning',
      },
    },
  ];
  // History's reader thread (electron/station/history/history-reader.ts) is loaded beside each bundle that starts a station.
  const readerWorker = (dir, target) => ({
    name: `history reader (${dir})`,
    options: {
      ...nodeEsm,
      entryPoints: [src('electron/station/history/history-reader-worker.ts')],
      outfile: path.join(outDir, dir, 'history-reader-worker.js'),
      target,
    },
  });
  builds.push(readerWorker('electron', 'node22'));
  const webCli = src('electron/web/cli.ts');
  if (existsSync(webCli)) {
    builds.push({
      name: 'web cli',
      options: { ...nodeEsm, entryPoints: [webCli], outfile: path.join(outDir, 'web/cli.js'), target: 'node20' },
    });
    builds.push(readerWorker('web', 'node20'));
  } else {
    console.log('build-electron: electron/web/cli.ts not found; skipping the browser shell.');
  }
  return builds;
}

async function main() {
  let failed = false;
  for (const { name, options } of electronBuilds()) {
    try {
      await build(options);
      console.log(`build-electron: ${name} -> ${path.relative(projectRoot, options.outfile)}`);
    } catch (error) {
      failed = true;
      console.error(`build-electron: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) await main();
