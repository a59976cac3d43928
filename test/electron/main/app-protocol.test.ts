import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../fakes/electron-mock')).electronModule);

import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  registerAppScheme,
  serveRendererOnAppScheme,
} from '../../../electron/main/app-protocol';
import { protocol, resetElectronMock } from '../../fakes/electron-mock';

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
let base: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol serving the renderer', () => {
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'station-protocol-'));
    rendererDir = path.join(base, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Label Station</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("station")');
    writeFileSync(path.join(base, 'secret.txt'), SECRET);
    symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    handle = createAppProtocolHandler(rendererDir);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  beforeEach(() => resetElectronMock());

  it('serves index.html for the app root with the Content-Security-Policy header', async () => {
    const response = await get('app://station/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Label Station</title>');
  });

  it('serves assets with their type and the same CSP', async () => {
    const response = await get('app://station/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the CSP allows only our own scripts and no plugins, framing, forms or base rewrites', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });

  it.each([
    'app://station/..%2fsecret.txt',
    'app://station/assets/..%2F..%2Fsecret.txt',
    'app://station/%2e%2e%2fsecret.txt',
    'app://station/..%5csecret.txt',
    'app://station/../../secret.txt',
    'app://station/assets/link.txt',
    'app://station/%00index.html',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses other hosts, missing files, directories and non-GET methods', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://station/missing.js')).status).toBe(404);
    expect((await get('app://station/assets/')).status).toBe(404);
    expect((await get('app://station/index.html', 'POST')).status).toBe(405);
  });

  it('registers app: as a standard, secure scheme and installs the handler', async () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    serveRendererOnAppScheme(rendererDir);
    const installed = protocol.handlers.get('app');
    expect(installed).toBeTypeOf('function');
    expect((await installed!(new Request('app://station/index.html'))).status).toBe(200);
  });
});
