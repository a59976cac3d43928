/**
 * The renderer's web client (renderer/api/web-transport.ts) against the real browser shell, from Node,
 * in front of the real station core (sandbox provider, a loopback Zebra, a temporary data folder).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { buildStationClient } from '../../../shared/client';
import { StationError } from '../../../shared/errors';
import type { EventPayload } from '../../../shared/contract';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { createWebTransport, type ConnectionStatus, type WebTransport } from '../../../renderer/api/web-transport';
import { startLoopbackCore, type LoopbackCore } from '../../support/e2e-station';
import { recordingCore, type RecordingCore } from '../../support/recording-core';

/** New TikTok orders: the sandbox buys and prints their labels. */
const ORDERS = { first: '576900000000000101', second: '576900000000000202' } as const;

let dir: string;
let station: LoopbackCore;
let core: RecordingCore;
let shell: WebShell;
let transports: WebTransport[] = [];

function client(token = shell.token) {
  const statuses: ConnectionStatus[] = [];
  const transport = createWebTransport({
    baseUrl: shell.origin,
    token,
    WebSocketImpl: WebSocket as never,
    onConnectionChange: (s) => statuses.push(s),
    reconnectMinMs: 20,
    reconnectMaxMs: 40,
  });
  transports.push(transport);
  return { api: buildStationClient(transport), statuses };
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'web-client-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
  station = await startLoopbackCore();
  core = recordingCore(station.core);
  shell = await startWebShell({ core, staticDir: dir });
});

afterEach(async () => {
  for (const t of transports) t.close();
  transports = [];
  await shell.close();
  await station.close();
  await rm(dir, { recursive: true, force: true });
});

describe('renderer web client', () => {
  it('calls the station and receives the job progress of its scan', async () => {
    const { api, statuses } = client();
    await until(() => statuses.includes('open'), 'socket open');
    const steps: Array<EventPayload<'jobProgress'>['step']> = [];
    const off = api.on('jobProgress', (p) => steps.push(p.step));
    const outcome = await api.submitScan({ scan: ORDERS.first });
    expect(outcome.outcome).toBe('printed');
    await until(() => steps.length === 5, 'five progress events');
    expect(steps).toEqual(['resolving', 'buying', 'buying', 'printing', 'done']);
    off();
    expect((await api.submitScan({ scan: ORDERS.second })).outcome).toBe('printed');
    await new Promise((r) => setTimeout(r, 50));
    expect(steps).toHaveLength(5);
  });

  it("throws the station's problem as a StationError with its next step", async () => {
    const { api } = client();
    const error = await api.getLabel({ labelId: 'lbl_missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StationError);
    expect(error).toMatchObject({
      code: 'label_not_found',
      message: 'That label is not in this station’s history.',
      nextStep: 'Search History again.',
    });
  });

  it('reports a wrong token as unauthorized with what to do, and never connects events', async () => {
    const { api, statuses } = client('stale-token-from-yesterday');
    await expect(api.getStationInfo({})).rejects.toMatchObject({
      code: 'unauthorized',
      nextStep: expect.stringContaining('address the station printed'),
    });
    await until(() => statuses.includes('lost'), 'socket refused');
    expect(statuses).not.toContain('open');
  });

  it('says the station is unreachable when it has stopped, and reconnects when it is back', async () => {
    const { api, statuses } = client();
    await until(() => statuses.includes('open'), 'socket open');
    const port = shell.port;
    await shell.close();
    await until(() => statuses.at(-1) === 'lost', 'connection lost');
    await expect(api.getSettings({})).rejects.toMatchObject({ code: 'station_unreachable' });
    shell = await startWebShell({ core, staticDir: dir, port, token: shell.token });
    await until(() => statuses.at(-1) === 'open', 'reconnected');
    await expect(api.getSettings({})).resolves.toMatchObject({ provider: 'sandbox' });
  });

  // The real core only emits valid payloads; the recording wrapper sends the malformed one through the shell.
  it('drops event payloads that do not match the contract', async () => {
    const { api, statuses } = client();
    await until(() => statuses.includes('open'), 'socket open');
    const got: unknown[] = [];
    api.on('jobProgress', (p) => got.push(p));
    core.emit('jobProgress', { jobId: 'j1', step: 'teleporting', message: 'x' } as never);
    core.emit('jobProgress', { jobId: 'j2', step: 'buying', message: 'Buying…' });
    await until(() => got.length === 1, 'valid event');
    expect(got).toEqual([{ jobId: 'j2', step: 'buying', message: 'Buying…' }]);
  });
});
