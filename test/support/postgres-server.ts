/**
 * A real, private PostgreSQL for tests (Debian's `postgresql` package): `initdb` in a temp folder,
 * `pg_ctl start` on 127.0.0.1:<free port> and a private socket folder, trust auth for loopback only.
 * As root it runs as the `postgres` user (runuser), as PostgreSQL refuses to run as root. Stopped
 * (and its folder removed) by stop(); restart() simulates a database restart under a running fleet.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

export interface PostgresServer {
  port: number;
  /** A connection address for a database on this server. */
  url(database: string): string;
  /** Creates an empty database and returns its address. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server at once, as a crash or a network cut would; its data stays. */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port. */
  resume(): Promise<void>;
  /** pause() then resume(). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /**
   * A hot standby of this server (pg_basebackup, streaming), on its own port and folder: what a DBA
   * keeps to fail over to. `promote()` makes it a primary on a new WAL timeline.
   */
  standby(): Promise<PostgresServer & { promote(): Promise<void> }>;
}

/** The folder with initdb and pg_ctl: Debian keeps them out of PATH, under /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return null;
}

export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the fleet tests need initdb and pg_ctl.');
  const folder = await serverFolder();
  await folder.as(bin, 'initdb', ['-D', folder.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  return runServer(bin, folder, options);
}

interface ServerFolder {
  root: string;
  data: string;
  /** Runs one of PostgreSQL's programs, as the postgres user when this process is root. */
  as(bin: string, program: string, args: string[]): Promise<unknown>;
}

async function serverFolder(): Promise<ServerFolder> {
  const root = mkdtempSync(join(tmpdir(), 'label-station-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    chmodSync(root, 0o755);
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  return {
    root,
    data: join(root, 'data'),
    as: (bin, program, args) =>
      asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args),
  };
}

async function runServer(bin: string, folder: ServerFolder, options: { durable?: boolean }): Promise<PostgresServer> {
  const { root, data } = folder;
  const as = (program: string, args: string[]) => folder.as(bin, program, args);
  const port = await freePort();
  // fsync off survives a server killed mid-write (the OS keeps its writes), not a power cut: enough
  // for tests, which restart the server but never the machine. Commits stay synchronous, as in production.
  const durability = options.durable ? '' : ' -c fsync=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=60${durability}`;
  const start = () => as('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(root, 'server.log'), '-w', '-t', '30', 'start']);
  await start();
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const pause = () => as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).then(() => undefined);
  const resume = () => start().then(() => undefined);
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    pause,
    resume,
    async restart() {
      await pause();
      await resume();
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
    async standby() {
      const copy = await serverFolder();
      // -R writes standby.signal and how to reach this server; -X stream brings the WAL written meanwhile;
      // a fast checkpoint starts the copy at once (a spread one waits minutes).
      await copy.as(bin, 'pg_basebackup', [
        '-D',
        copy.data,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-R',
        '-X',
        'stream',
        '--checkpoint=fast',
      ]);
      const standby = await runServer(bin, copy, options);
      return {
        ...standby,
        promote: () => copy.as(bin, 'pg_ctl', ['-D', copy.data, '-w', 'promote']).then(() => undefined),
      };
    },
  };
}
