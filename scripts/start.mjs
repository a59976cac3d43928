#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): runs the desktop app when the Electron runtime is installed,
 * otherwise the same station in the browser shell (node dist/web/cli.js).
 * LABEL_STATION_SHELL=web forces the browser shell.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary named by node_modules/electron/path.txt, or null when it is not installed. */
export function findElectronBinary(projectRoot = root, env = process.env) {
  const electronDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

function run(command, args, env) {
  // Own process group (POSIX), so a Ctrl-C reaches the child once, through the forwarding below.
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: process.platform !== 'win32' });
  const forwarded = new Set();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (forwarded.has(signal) || child.exitCode !== null) return;
      forwarded.add(signal);
      child.kill(signal);
    });
  }
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`Label Station could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
  });
}

function main() {
  const env = { ...process.env };
  const electron = env.LABEL_STATION_SHELL === 'web' ? null : findElectronBinary();
  if (electron) {
    delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node instead of opening the app
    run(electron, [root, ...process.argv.slice(2)], env);
    return;
  }
  const cli = path.join(root, 'dist', 'web', 'cli.js');
  if (!existsSync(cli)) {
    console.error('Label Station is not built yet: run `npm run build` first (or `npm start`, which builds).');
    process.exit(1);
  }
  if (env.LABEL_STATION_SHELL !== 'web') {
    console.log('The Label Station desktop runtime (Electron) is not installed here, so the station runs in your browser instead.');
  }
  run(process.execPath, [cli, ...process.argv.slice(2)], env);
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) main();
