/** Starts station processes (test/support/station-process.ts) and calls them like the shells do. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

export interface StationProcess {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** True once the process has the scan (or any call) sent. */
  readonly child: ChildProcess;
  /** SIGKILL: no chance to close anything, as a crash or a power cut. */
  kill(): Promise<void>;
  /** Ends stdin: the station finishes its calls, closes its core and exits. */
  close(): Promise<void>;
}

export async function startStationProcess(
  script: string,
  dataDir: string,
  env: Record<string, string>,
  coreOptions: Record<string, unknown>,
): Promise<StationProcess> {
  const child = spawn(process.execPath, [script, dataDir], {
    env: { ...process.env, ...env, TEST_CORE_OPTIONS: JSON.stringify(coreOptions) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`station process exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as {
        ready?: boolean;
        id?: number;
        ok?: boolean;
        value?: unknown;
        error?: { code: string; message: string };
      };
      if (message.ready) return resolve();
      const call = pending.get(message.id!);
      if (!call) return;
      pending.delete(message.id!);
      if (message.ok) call.resolve(message.value);
      else call.reject(Object.assign(new Error(message.error!.message), { code: message.error!.code }));
    });
  });
  void exited.then(() => {
    for (const call of pending.values()) call.reject(new Error('the station process ended'));
    pending.clear();
  });
  await ready;
  return {
    child,
    call: (method, input) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.stdin!.write(`${JSON.stringify({ id, method, input })}\n`);
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
