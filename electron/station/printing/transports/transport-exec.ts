/**
 * Runs a helper program (lp, lpstat, powershell) without a shell: arguments are passed as a list,
 * never joined into a command line. Tests inject their own `ExecRunner` to check what would run.
 */
import { execFile } from 'node:child_process';

export interface ExecRequest {
  file: string;
  args: string[];
  /** Written to the program's stdin, then stdin is closed. */
  input?: Uint8Array;
  /** Extra environment variables on top of the station's own. */
  env?: Record<string, string>;
  timeoutMs: number;
}

export interface ExecResult {
  /** Exit code; null when the program was killed (for example by the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Rejects only when the program could not start (error.code 'ENOENT' when it is not installed). */
export type ExecRunner = (request: ExecRequest) => Promise<ExecResult>;

const MAX_OUTPUT = 4 * 1024 * 1024;

export const runProgram: ExecRunner = (request) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      request.file,
      request.args,
      {
        // C locale: the messages we read (lp, lpstat) are parsed in English.
        env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...request.env },
        timeout: request.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: string | number }) | null;
        if (failure && typeof failure.code === 'string' && failure.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(failure);
          return;
        }
        const timedOut = Boolean(failure?.killed) && child.exitCode === null;
        resolve({
          code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          timedOut,
        });
      },
    );
    // A program that exits before reading all of stdin (unknown queue) closes the pipe: not our error.
    child.stdin?.on('error', () => undefined);
    if (request.input) child.stdin?.end(request.input);
    else child.stdin?.end();
  });

/** True when the error says the program is not installed (or not on PATH). */
export function isNotInstalled(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EACCES';
}
