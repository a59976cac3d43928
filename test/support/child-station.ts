/**
 * A station that scans one order in its own process (test/support/scan-in-child.ts), so a test
 * can kill it with SIGKILL at the worst moment, as a power cut or a crash would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './paths';

/** Bundles the child once, inside the project so its external packages resolve from node_modules. */
export function bundleScanInChild(): Promise<{ script: string; remove(): void }> {
  return bundleTestScript('scan-in-child');
}

/** Bundles test/support/<name>.ts into one script a child process starts in milliseconds. */
export async function bundleTestScript(name: string): Promise<{ script: string; remove(): void }> {
  const script = path.join(PROJECT_ROOT, 'test', '.artifacts', `${name}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path.join(PROJECT_ROOT, 'test', 'support', `${name}.ts`)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    absWorkingDir: PROJECT_ROOT,
    logLevel: 'error',
  });
  return { script, remove: () => rmSync(script, { force: true }) };
}

export function startScanInChild(script: string, dataDir: string, scan: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script, dataDir, scan], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Kills the child with SIGKILL as soon as `when` holds (or it exits, or 20 s pass). */
export async function killWhen(child: ChildProcess, when: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!when() && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
}
