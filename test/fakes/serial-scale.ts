/**
 * A shipping scale on a serial line, for tests: socat makes a pseudo-terminal pair (Node has none),
 * the station opens one end (`stationPath`) as it would /dev/ttyUSB0, and this fake answers on the
 * other end in the real protocol: MT-SICS ("SI" -> "S S      1.234 kg") or NCI ("W<CR>" ->
 * <LF>  1.25lb<CR><LF>00<CR><ETX>). `unplug()` ends the pair (the station's port hangs up) and
 * `plugIn()` makes it again under the same names.
 *
 * socat, not python3's pty module: socat is one Debian package (.ci/run installs it), gives both ends
 * stable names (link=) so the station's configured path survives an unplug, and needs no script.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';

export type FakeScaleProtocol = 'mt-sics' | 'nci';
export type FakeScaleState = 'stable' | 'in_motion' | 'over_capacity' | 'under_zero' | 'silent';

export interface FakeScaleWeight {
  value: number;
  unit: 'g' | 'kg' | 'lb' | 'oz';
}

export interface FakeSerialScale {
  /** The path the station opens (a symlink to its pseudo-terminal). */
  stationPath: string;
  protocol: FakeScaleProtocol;
  /** What the scale shows from now on. */
  set(weight: FakeScaleWeight, state?: FakeScaleState): void;
  /** How many requests the station sent. */
  requests(): number;
  /** Called with the time (performance.now()) just before each answer is written (the bench). */
  onAnswer?: (writtenAt: number, answer: string) => void;
  unplug(): Promise<void>;
  plugIn(): Promise<void>;
  close(): Promise<void>;
}

/** The answer a real scale of that protocol gives to a weight request. */
export function scaleAnswer(protocol: FakeScaleProtocol, weight: FakeScaleWeight, state: FakeScaleState): string {
  if (protocol === 'mt-sics') {
    if (state === 'over_capacity') return 'S +\r\n';
    if (state === 'under_zero') return 'S -\r\n';
    const decimals = weight.unit === 'g' ? 1 : 3;
    return `S ${state === 'stable' ? 'S' : 'D'} ${weight.value.toFixed(decimals).padStart(10, ' ')} ${weight.unit}\r\n`;
  }
  // NCI status byte 1: bit 0 motion, bit 1 zero; byte 2: bit 0 under, bit 1 over capacity (bits 4-5 set).
  const status1 = 0x30 | (state === 'in_motion' ? 1 : 0) | (weight.value === 0 ? 2 : 0);
  const status2 = 0x30 | (state === 'under_zero' ? 1 : 0) | (state === 'over_capacity' ? 2 : 0);
  const status = String.fromCharCode(status1, status2);
  if (state === 'over_capacity' || state === 'under_zero') return `\n${status}\r\x03`;
  const decimals = weight.unit === 'g' ? 0 : 2;
  return `\n${weight.value.toFixed(decimals).padStart(7, ' ')}${weight.unit}\r\n${status}\r\x03`;
}

export async function startFakeSerialScale(protocol: FakeScaleProtocol = 'mt-sics'): Promise<FakeSerialScale> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-scale-'));
  const scalePath = path.join(dir, 'scale-side');
  const stationPath = path.join(dir, 'ttyFakeScale');
  let weight: FakeScaleWeight = { value: 0, unit: 'kg' };
  let state: FakeScaleState = 'stable';
  let requests = 0;
  let socat: ChildProcess | undefined;
  let port: SerialPort | undefined;
  let pending = '';

  const fake: FakeSerialScale = {
    stationPath,
    protocol,
    set(next, nextState = 'stable') {
      weight = next;
      state = nextState;
    },
    requests: () => requests,
    unplug: async () => {
      await closePort();
      await stopSocat();
    },
    plugIn: async () => {
      await startSocat();
      await openPort();
    },
    close: async () => {
      await closePort();
      await stopSocat();
      rmSync(dir, { recursive: true, force: true });
    },
  };

  async function startSocat(): Promise<void> {
    const child = spawn('socat', [`pty,raw,echo=0,link=${scalePath}`, `pty,raw,echo=0,link=${stationPath}`], { stdio: 'ignore' });
    socat = child;
    const spawnError = new Promise<never>((_, reject) =>
      child.once('error', (e) => reject(new Error(`socat did not start (is it installed?): ${e.message}`))),
    );
    for (let i = 0; i < 100 && !(existsSync(scalePath) && existsSync(stationPath)); i++) {
      await Promise.race([new Promise((r) => setTimeout(r, 20)), spawnError]);
    }
    if (!(existsSync(scalePath) && existsSync(stationPath))) throw new Error('socat made no pseudo-terminal pair within 2 s');
  }

  async function stopSocat(): Promise<void> {
    const child = socat;
    socat = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async function openPort(): Promise<void> {
    const opened = new SerialPort({ path: scalePath, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => opened.open((e) => (e ? reject(e) : resolve())));
    opened.on('error', () => {});
    opened.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      // Both protocols end a request with CR (MT-SICS adds LF).
      let end: number;
      while ((end = pending.indexOf('\r')) >= 0) {
        const request = pending.slice(0, end).replace(/\n/g, '').trim();
        pending = pending.slice(end + 1);
        if (request !== (protocol === 'mt-sics' ? 'SI' : 'W')) continue;
        requests++;
        if (state === 'silent') continue;
        const answer = scaleAnswer(protocol, weight, state);
        fake.onAnswer?.(performance.now(), answer);
        opened.write(answer);
      }
    });
    port = opened;
  }

  async function closePort(): Promise<void> {
    const open = port;
    port = undefined;
    pending = '';
    if (open?.isOpen) await new Promise<void>((resolve) => open.close(() => resolve()));
  }

  try {
    await startSocat();
    await openPort();
  } catch (error) {
    await fake.close();
    throw error;
  }
  return fake;
}
