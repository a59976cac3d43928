/**
 * `npm run start:web` (and `npm start` where Electron is absent): runs the station core in plain Node
 * and serves the renderer on 127.0.0.1. Env: LABEL_STATION_DATA_DIR (default ./.station-data),
 * LABEL_STATION_PORT (default 4780; 0 picks a free port).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProjectRoot, parsePort, resolveDataDir } from './cli-env';
import { createNodeStores, createStationCore } from '../station';
import { startWebShell } from './server';
import { StationError } from '../../shared/errors';

/** Starts the core and the shell, prints the address, and stops both on SIGINT/SIGTERM. */
export async function runWebCli(): Promise<void> {
  const env = process.env;
  const dataDir = resolveDataDir(env.LABEL_STATION_DATA_DIR, process.cwd());
  const port = parsePort(env.LABEL_STATION_PORT);
  const staticDir = path.join(findProjectRoot(), 'dist', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The screens are not built (${staticDir} is missing). Run: npm run build:renderer`);
  }

  const log = (line: string): void => console.log(`[label-station] ${line}`);
  const core = await createStationCore({ dataDir, shell: 'web', ...createNodeStores(dataDir), log });
  let shell;
  try {
    shell = await startWebShell({ core, staticDir, port, log });
  } catch (error) {
    await core.close();
    throw error;
  }
  const info = await core.handlers.getStationInfo({});
  console.log(`Label Station is running: open ${shell.url}`);
  console.log(
    info.sandbox
      ? `Provider: SANDBOX (${info.providerTitle}) — labels are not real and must not be shipped.`
      : `Provider: ${info.providerTitle} — real labels, real charges.`,
  );
  console.log(`Data folder: ${dataDir}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Label Station...`);
    try {
      await shell.close();
      await core.close();
      process.exitCode = 0;
    } catch (error) {
      console.error('Label Station did not stop cleanly:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  runWebCli().catch((error: unknown) => {
    const nextStep = error instanceof StationError ? ` ${error.nextStep}` : '';
    console.error(`Label Station could not start: ${error instanceof Error ? error.message : String(error)}${nextStep}`);
    process.exit(1);
  });
}
