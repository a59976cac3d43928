/**
 * Printing through a CUPS queue (Linux/macOS): `lp -d QUEUE -o raw` with the payload on stdin, so
 * CUPS passes the printer bytes through untouched. Success means CUPS accepted the job (it returns
 * a job id such as "Zebra-123"); CUPS then delivers it and retries on its own.
 */
import { PrintError } from '../print-error';
import { formatWait } from '../timeout-wording';
import { isNotInstalled, runProgram, type ExecRunner } from './transport-exec';

export interface CupsOptions {
  /** The scheduler to use, as CUPS_SERVER takes it (host:port or a socket path). Default: the system's. */
  server?: string;
  timeoutMs: number;
  exec?: ExecRunner;
}

/** "request id is Zebra_ZD420-123 (0 file(s))" -> "Zebra_ZD420-123" (the id `cancel` and `lpstat` take). */
export function parseLpJobId(stdout: string): string | undefined {
  return /request id is (\S+-\d+)/.exec(stdout)?.[1];
}

export function cupsEnv(server: string | undefined): Record<string, string> | undefined {
  return server ? { CUPS_SERVER: server } : undefined;
}

const CHECK_QUEUE = 'Check the printer name in Settings (pick it from the list of printers on this computer), then reprint from History.';

async function schedulerRunning(exec: ExecRunner, server: string | undefined): Promise<boolean | undefined> {
  try {
    const result = await exec({ file: 'lpstat', args: ['-r'], env: cupsEnv(server), timeoutMs: 3_000 });
    if (/scheduler is running/i.test(result.stdout)) return true;
    if (/not running/i.test(result.stdout + result.stderr)) return false;
    return undefined;
  } catch {
    return undefined;
  }
}

function notRunning(): PrintError {
  return new PrintError(
    'printer_unreachable',
    'The printing service (CUPS) is not running on this computer.',
    'Start it (on Linux: sudo systemctl start cups) or ask IT, then reprint from History.',
  );
}

/** Turns lp's complaint into a message for a worker. `lp` says "does not exist" even when CUPS is down. */
async function errorFromLp(queue: string, stderr: string, exec: ExecRunner, server: string | undefined): Promise<PrintError> {
  const said =
    stderr
      .replace(/^lp:\s*/i, '')
      .replace(/^Error\s*-\s*/i, '')
      .trim()
      .split('\n')[0]
      ?.slice(0, 200) ?? '';
  if (/does not exist|not found|unknown printer|no such/i.test(said)) {
    if ((await schedulerRunning(exec, server)) === false) return notRunning();
    return new PrintError('printer_not_found', `CUPS has no printer named ${queue}: check Settings.`, CHECK_QUEUE);
  }
  if (/not accepting jobs/i.test(said)) {
    return new PrintError(
      'printer_refused',
      `The CUPS queue ${queue} is not accepting jobs.`,
      `Turn the queue back on (cupsaccept ${queue} and cupsenable ${queue}, or in the printer settings of this computer), then reprint from History.`,
    );
  }
  if (/scheduler|connection refused|unable to connect|not responding/i.test(said)) return notRunning();
  if (/forbidden|not authorized|permission|not allowed/i.test(said)) {
    return new PrintError(
      'printer_permission',
      `CUPS did not let this station print to ${queue}.`,
      'Ask IT to allow this computer user to print to that queue, then reprint from History.',
    );
  }
  return new PrintError('printer_io_error', `CUPS did not take the label for ${queue}${said ? ` (${said})` : ''}.`, CHECK_QUEUE);
}

export async function sendToCups(queue: string, payload: Uint8Array, opts: CupsOptions): Promise<{ bytes: number; jobId?: string }> {
  const exec = opts.exec ?? runProgram;
  let result;
  try {
    result = await exec({
      file: 'lp',
      // "--" is not needed: the payload comes on stdin and the queue name was validated.
      args: ['-d', queue, '-o', 'raw', '-t', 'Label Station'],
      input: payload,
      env: cupsEnv(opts.server),
      timeoutMs: opts.timeoutMs,
    });
  } catch (error) {
    if (isNotInstalled(error)) {
      throw new PrintError(
        'printer_unreachable',
        'lp is not installed on this computer, so CUPS printers cannot be used.',
        'Install CUPS (on Debian/Ubuntu: sudo apt install cups-client) or use a tcp:// or device address in Settings.',
      );
    }
    throw new PrintError(
      'printer_io_error',
      `The station could not start lp to print to ${queue}.`,
      'Reprint from History; if it fails again, ask IT to check CUPS on this computer.',
    );
  }
  if (result.timedOut) {
    throw new PrintError(
      'printer_timeout',
      `CUPS did not take the label for ${queue} within ${formatWait(opts.timeoutMs)}.`,
      'Check that the printing service (CUPS) is running, then reprint from History.',
    );
  }
  if (result.code !== 0) throw await errorFromLp(queue, result.stderr || result.stdout, exec, opts.server);
  const jobId = parseLpJobId(result.stdout);
  return jobId ? { bytes: payload.byteLength, jobId } : { bytes: payload.byteLength };
}
