/**
 * A real, private CUPS scheduler for tests: `cupsd -f` with its own ServerRoot, spool, cache, state
 * and logs in a temp folder, listening only on 127.0.0.1:<free port> and a private socket, with no
 * browsing, no sharing and an open policy (it listens on loopback and a private socket only). Raw queues point
 * at loopback capture printers (socket://127.0.0.1:PORT). Point `lp`/`lpstat` at it with
 * CUPS_SERVER=<server>, or pass `cupsServer: server` to the station's transport.
 *
 * As root, cupsd runs backends as its default "lp" user, so the temp folder is made world-readable.
 * As any other user (CI), cups-files.conf names that user and group, as CUPS's own test suite does.
 * The cupsd binary is copied into the temp folder first: some distributions (Ubuntu) confine
 * /usr/sbin/cupsd with an AppArmor profile that forbids a ServerRoot outside /etc/cups.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface CupsServer {
  /** "127.0.0.1:PORT": the value for CUPS_SERVER / `cupsServer`. */
  server: string;
  env: { CUPS_SERVER: string };
  /** Adds a raw queue (no PPD, no filters) that sends jobs to `deviceUri`. */
  addRawQueue(name: string, deviceUri: string): Promise<void>;
  /** The scheduler's error log, for assertion messages. */
  errorLog(): string;
  stop(): Promise<void>;
}

const SEARCH = ['/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':')];

function findProgram(name: string): string | null {
  for (const dir of SEARCH) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // keep looking
    }
  }
  return null;
}

/** Why a real CUPS cannot run here, or null when it can (for a clear test failure, never a silent skip). */
export function cupsMissing(): string | null {
  const missing = ['cupsd', 'lpadmin', 'lp', 'lpstat'].filter((p) => !findProgram(p));
  // Debian/Ubuntu ship the socket:// backend in the "cups" package, not in cups-daemon.
  const backend = ['/usr/lib/cups/backend/socket', '/usr/libexec/cups/backend/socket'].some((p) => existsSync(p));
  if (!backend) missing.push('the socket backend');
  if (missing.length === 0) return null;
  return `CUPS is not installed (${missing.join(', ')} not found): install it with "sudo apt-get install -y cups" (Debian/Ubuntu).`;
}

function run(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...env }, timeout: 10_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}`.trim() });
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function configs(dir: string, port: number): { cupsd: string; files: string } {
  const lines = [
    'LogLevel info',
    `Listen 127.0.0.1:${port}`,
    `Listen ${join(dir, 'cups.sock')}`,
    'Browsing No',
    'BrowseLocalProtocols none',
    'DefaultShared No',
    'WebInterface No',
    'DefaultAuthType None',
    'JobRetryLimit 0',
    'ErrorPolicy abort-job',
    '<Policy default>',
    '  <Limit All>',
    '    Order deny,allow',
    '    Allow all',
    '  </Limit>',
    '</Policy>',
    '<Location />',
    '  Order allow,deny',
    '  Allow all',
    '</Location>',
  ];
  const files = [
    `ServerRoot ${join(dir, 'root')}`,
    `RequestRoot ${join(dir, 'spool')}`,
    `TempDir ${join(dir, 'spool', 'tmp')}`,
    `CacheDir ${join(dir, 'cache')}`,
    `StateDir ${join(dir, 'state')}`,
    `ErrorLog ${join(dir, 'log', 'error_log')}`,
    `AccessLog ${join(dir, 'log', 'access_log')}`,
    `PageLog ${join(dir, 'log', 'page_log')}`,
    'FileDevice No',
  ];
  if (process.getuid?.() !== 0) {
    const user = userInfo().username;
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    files.push(`User ${user}`, `Group ${group}`, `SystemGroup ${group}`);
  }
  return { cupsd: `${lines.join('\n')}\n`, files: `${files.join('\n')}\n` };
}

export async function startCupsServer(): Promise<CupsServer> {
  const missing = cupsMissing();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'station-cups-'));
  chmodSync(dir, 0o755); // backends run as another user when cupsd runs as root
  for (const sub of ['root', 'spool', 'spool/tmp', 'cache', 'state', 'log']) mkdirSync(join(dir, sub), { recursive: true });
  const port = await freePort();
  const conf = configs(dir, port);
  writeFileSync(join(dir, 'root', 'cupsd.conf'), conf.cupsd);
  writeFileSync(join(dir, 'root', 'cups-files.conf'), conf.files);
  const cupsd = join(dir, 'cupsd');
  copyFileSync(findProgram('cupsd')!, cupsd);
  chmodSync(cupsd, 0o755);

  const errorLog = (): string => {
    const path = join(dir, 'log', 'error_log');
    return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-40).join('\n') : '(no error_log)';
  };

  let output = '';
  const child: ChildProcess = spawn(cupsd, ['-f', '-c', join(dir, 'root', 'cupsd.conf'), '-s', join(dir, 'root', 'cups-files.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async (): Promise<void> => {
    if (running && child.pid !== undefined) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Ready when it accepts connections; give up after 15 s with everything it said.
  const deadline = Date.now() + 15_000;
  while (!(await canConnect(port))) {
    if (!running || Date.now() > deadline) {
      const why = `cupsd did not start (${running ? 'not listening after 15 s' : `exited with code ${child.exitCode}`}).\n${output}\n${errorLog()}`;
      await stop();
      throw new Error(why);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const server = `127.0.0.1:${port}`;
  return {
    server,
    env: { CUPS_SERVER: server },
    async addRawQueue(name, deviceUri) {
      // CUPS 2.x: a queue without -m/-P is raw. Older ones want "-m raw"; try that if refused.
      let result = await run('lpadmin', ['-h', server, '-p', name, '-E', '-v', deviceUri], {});
      if (result.code !== 0) result = await run('lpadmin', ['-h', server, '-p', name, '-E', '-v', deviceUri, '-m', 'raw'], {});
      if (result.code !== 0) throw new Error(`lpadmin could not add queue ${name}: ${result.out}\n${errorLog()}`);
    },
    errorLog,
    stop,
  };
}
