/**
 * The browser shell over real loopback HTTP/WebSocket, in front of the real station core (sandbox
 * provider, a loopback Zebra as printer, a temporary data folder). The core is seen through a
 * recording wrapper (test/support/recording-core.ts) so a test can prove a refused request never reached it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { startLoopbackCore, type LoopbackCore } from '../../support/e2e-station';
import { recordingCore, type RecordingCore } from '../../support/recording-core';

/** A new TikTok order: the sandbox buys and prints its label. */
const FRESH_ORDER = '576900000000000101';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http so tests can send any Host/Origin/path, which fetch would normalise or forbid. */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

let dir: string;
let station: LoopbackCore;
let core: RecordingCore;
let shell: WebShell;

function rpc(method: string, body: unknown, headers: Record<string, string> = {}) {
  return raw(shell.port, {
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { 'content-type': 'application/json', host: `127.0.0.1:${shell.port}`, 'x-station-token': shell.token, ...headers },
    body: JSON.stringify(body),
  });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'web-shell-'));
  await mkdir(path.join(dir, 'static', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'static', 'index.html'), '<!doctype html><title>Label Station</title>');
  await writeFile(path.join(dir, 'static', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
  station = await startLoopbackCore();
  core = recordingCore(station.core);
  shell = await startWebShell({ core, staticDir: path.join(dir, 'static') });
});

afterEach(async () => {
  await shell.close();
  await station.close();
  await rm(dir, { recursive: true, force: true });
});

describe('web shell address and token', () => {
  it('listens on 127.0.0.1 and gives a URL carrying a fresh token', async () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/#token=${shell.token}`);
    expect(shell.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startWebShell({ core, staticDir: path.join(dir, 'static') });
    try {
      expect(other.token).not.toBe(shell.token);
    } finally {
      await other.close();
    }
  });

  it('answers a call with the token, and refuses one without or with a wrong token before the core sees it', async () => {
    const ok = await rpc('getStationInfo', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { sandbox: true, shell: 'web' } });

    const calls = core.calls.length;
    for (const token of ['', 'wrong-token', shell.token.slice(0, -1)]) {
      const res = await rpc('submitScan', { scan: FRESH_ORDER }, { 'x-station-token': token });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, problem: { code: 'unauthorized' } });
    }
    expect(core.calls.length).toBe(calls);
  });
});

describe('web shell refuses other sites', () => {
  it('refuses a foreign Origin on RPC calls', async () => {
    const res = await rpc('submitScan', { scan: FRESH_ORDER }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).problem.code).toBe('forbidden');
    expect(core.calls).toEqual([]);
    const same = await rpc('getStationInfo', {}, { origin: `http://localhost:${shell.port}` });
    expect(same.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) for pages and calls', async () => {
    const page = await raw(shell.port, { path: '/', headers: { host: `evil.example:${shell.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Label Station');
    const call = await rpc('getStationInfo', {}, { host: `evil.example:${shell.port}` });
    expect(call.status).toBe(403);
    const wrongPort = await raw(shell.port, { path: '/', headers: { host: '127.0.0.1:1' } });
    expect(wrongPort.status).toBe(403);
    expect(core.calls).toEqual([]);
  });
});

describe('web shell input handling', () => {
  it('answers invalid input with the invalid_input envelope and never calls the handler', async () => {
    const res = await rpc('submitScan', { scan: '7'.repeat(300) });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ ok: false, problem: { code: 'invalid_input' } });
    expect(body.problem.message).toContain('too long');
    const wrongType = await rpc('reprintLabel', { labelId: 42 });
    expect(JSON.parse(wrongType.body).problem.code).toBe('invalid_input');
    // Every reprint says why (kept on its print attempts): one without a reason never reaches the core.
    const noReason = JSON.parse((await rpc('reprintLabel', { labelId: 'lbl-1' })).body);
    expect(noReason.problem).toMatchObject({ code: 'invalid_input' });
    expect(core.calls).toEqual([]);
  });

  it('answers unknown methods, bad JSON and oversized bodies without reaching the core', async () => {
    expect(JSON.parse((await rpc('dropDatabase', {})).body).problem.code).toBe('unknown_method');
    const bad = await raw(shell.port, {
      method: 'POST',
      path: '/rpc/getSettings',
      headers: { host: `127.0.0.1:${shell.port}`, 'x-station-token': shell.token },
      body: '{"oops',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).problem.code).toBe('bad_request');
    const big = await rpc('submitScan', { scan: 'x'.repeat(1024 * 1024 + 10) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).problem.code).toBe('too_large');
    expect(core.calls).toEqual([]);
  });

  it("returns the core's StationError as a problem the worker can read", async () => {
    const res = await rpc('reprintLabel', { labelId: 'lbl_missing', reason: 'Label damaged' });
    expect(core.calls).toEqual([{ method: 'reprintLabel', input: { labelId: 'lbl_missing', reason: 'Label damaged' } }]);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      problem: { code: 'label_not_found', message: 'That label is not in this station’s history.', nextStep: 'Search History again.' },
    });
  });

  it('logs an unexpected error with the method it happened in, and answers internal_error', async () => {
    const lines: string[] = [];
    const broken = {
      ...core,
      handlers: {
        ...core.handlers,
        getLabel: async () => {
          throw new RangeError('row 7 out of range');
        },
      },
    };
    const other = await startWebShell({ core: broken, staticDir: path.join(dir, 'static'), log: (line) => lines.push(line) });
    try {
      const res = await raw(other.port, {
        method: 'POST',
        path: '/rpc/getLabel',
        headers: { 'content-type': 'application/json', host: `127.0.0.1:${other.port}`, 'x-station-token': other.token },
        body: JSON.stringify({ labelId: 'lbl_7' }),
      });
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, problem: { code: 'internal_error' } });
      expect(lines).toEqual([expect.stringMatching(/^getLabel failed unexpectedly: RangeError: row 7 out of range/)]);
    } finally {
      await other.close();
    }
  });
});

describe('web shell events', () => {
  function openSocket(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/events${query}`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  it("forwards a scan's events (its jobProgress steps, the print queue's changes) to a WebSocket client", async () => {
    const ws = await openSocket(`?token=${shell.token}`, { origin: shell.origin });
    const received: Array<{ event: string; payload: { step?: string; jobId?: string } }> = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data))));
    const progress = () => received.filter((m) => m.event === 'jobProgress');
    try {
      const res = await rpc('submitScan', { scan: FRESH_ORDER });
      expect(JSON.parse(res.body).value.outcome).toBe('printed');
      for (let i = 0; i < 100 && progress().length < 5; i++) await new Promise((r) => setTimeout(r, 10));
      expect(progress().map((m) => m.payload.step)).toEqual(['resolving', 'buying', 'buying', 'printing', 'done']);
      expect(new Set(progress().map((m) => m.payload.jobId)).size).toBe(1);
      // The label went through the print queue, whose view the page also gets, and the list of labels
      // bought but not printed was sent again; nothing else is sent.
      expect(received.some((m) => m.event === 'printQueue')).toBe(true);
      for (let i = 0; i < 100 && !received.some((m) => m.event === 'unprintedLabels'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(new Set(received.map((m) => m.event))).toEqual(new Set(['jobProgress', 'printQueue', 'unprintedLabels']));
      expect(await station.printer.waitForJobs(1)).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('refuses WebSocket upgrades without the token or from a foreign Origin or Host', async () => {
    await expect(openSocket('')).rejects.toThrow('status 401');
    await expect(openSocket('?token=nope')).rejects.toThrow('status 401');
    await expect(openSocket(`?token=${shell.token}`, { origin: 'http://evil.example' })).rejects.toThrow('status 403');
    await expect(openSocket(`?token=${shell.token}`, { host: `evil.example:${shell.port}` })).rejects.toThrow('status 403');
  });

  it('drops its sockets when closed', async () => {
    const ws = await openSocket(`?token=${shell.token}`);
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await shell.close();
    await closed;
    expect(ws.readyState).toBe(WebSocket.CLOSED);
  });
});

describe('web shell static files', () => {
  const csp = (port: number) =>
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; media-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;

  it('serves index.html for / with the desktop CSP, and assets with their type', async () => {
    const index = await raw(shell.port, { path: '/', headers: { host: `localhost:${shell.port}` } });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['content-security-policy']).toBe(csp(shell.port));
    expect(index.body).toContain('<title>Label Station</title>');
    const js = await raw(shell.port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${shell.port}` } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a file outside the static folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const res = await raw(shell.port, { path: p, headers: { host: `127.0.0.1:${shell.port}` } });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('TOP-SECRET');
    }
    const missing = await raw(shell.port, { path: '/nope.js', headers: { host: `127.0.0.1:${shell.port}` } });
    expect(missing.status).toBe(404);
  });
});

/** Sends bytes as they are (node:http would refuse a second Host header) and reads the whole answer. */
function rawBytes(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

describe('Host header (issue 13)', () => {
  it('refuses a request with two Host headers (400), even when one is the station’s own, and the core never sees it', async () => {
    const body = JSON.stringify({ scan: FRESH_ORDER });
    const request = (hosts: string[]) =>
      [
        `POST /rpc/submitScan HTTP/1.1`,
        ...hosts.map((h) => `Host: ${h}`),
        `Origin: http://127.0.0.1:${shell.port}`,
        `x-station-token: ${shell.token}`,
        'content-type: application/json',
        `content-length: ${Buffer.byteLength(body)}`,
        'connection: close',
        '',
        body,
      ].join('\r\n');
    for (const hosts of [
      [`127.0.0.1:${shell.port}`, 'evil.example'],
      ['evil.example', `127.0.0.1:${shell.port}`],
      [`127.0.0.1:${shell.port}`, `127.0.0.1:${shell.port}`],
    ]) {
      const answer = await rawBytes(shell.port, request(hosts));
      expect(answer.split('\r\n')[0], hosts.join(' + ')).toBe('HTTP/1.1 400 Bad Request');
      expect(answer).toContain('exactly one Host header');
    }
    const page = await rawBytes(shell.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\nHost: x\r\nconnection: close\r\n\r\n`);
    expect(page.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(core.calls).toEqual([]);
  });
});
