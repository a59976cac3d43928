/** The real program runner: stdin in, output back, no shell, a hard timeout. */
import { describe, expect, it } from 'vitest';
import { isNotInstalled, runProgram } from '../../../../../electron/station/printing/transports/transport-exec';

describe.skipIf(process.platform === 'win32')('runProgram', () => {
  it('feeds the payload on stdin and reads stdout, byte for byte', async () => {
    const payload = Buffer.from(Array.from({ length: 200_000 }, (_, i) => 0x41 + (i % 26)));
    const result = await runProgram({ file: 'wc', args: ['-c'], input: payload, timeoutMs: 5_000 });
    expect(result).toMatchObject({ code: 0, timedOut: false });
    expect(result.stdout.trim()).toBe(String(payload.length));
  });

  it('passes arguments without a shell', async () => {
    const result = await runProgram({ file: 'printf', args: ['%s|', 'a b', '$(echo no)', ';ls'], timeoutMs: 5_000 });
    expect(result.stdout).toBe('a b|$(echo no)|;ls|');
  });

  it('adds the extra environment', async () => {
    const result = await runProgram({
      file: 'sh',
      args: ['-c', 'printf %s "$CUPS_SERVER"'],
      env: { CUPS_SERVER: '127.0.0.1:6310' },
      timeoutMs: 5_000,
    });
    expect(result.stdout).toBe('127.0.0.1:6310');
  });

  it('stops a program that hangs and says it timed out', async () => {
    const started = Date.now();
    const result = await runProgram({ file: 'sleep', args: ['10'], timeoutMs: 200 });
    expect(result.timedOut).toBe(true);
    expect(result.code).toBeNull();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports a failing exit code with its stderr, and a missing program as not installed', async () => {
    const result = await runProgram({ file: 'sh', args: ['-c', 'echo oops >&2; exit 3'], timeoutMs: 5_000 });
    expect(result).toMatchObject({ code: 3, stderr: 'oops\n', timedOut: false });
    const error = await runProgram({ file: 'label-station-no-such-program', args: [], timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(isNotInstalled(error)).toBe(true);
  });
});
