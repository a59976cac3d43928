import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAllowedHost, isAllowedOrigin, newToken, tokensEqual } from '../../../electron/web/security';
import { resolveRendererFile as resolveStaticPath } from '../../../electron/common/renderer-files';
import { findProjectRoot, parsePort, resolveDataDir } from '../../../electron/web/cli-env';

describe('web shell guards', () => {
  it('matches only the exact token', () => {
    const token = newToken();
    expect(tokensEqual(token, token)).toBe(true);
    expect(tokensEqual(token.toUpperCase() === token ? `${token}x` : token.toUpperCase(), token)).toBe(false);
    expect(tokensEqual('', token)).toBe(false);
    expect(tokensEqual(undefined, token)).toBe(false);
    expect(tokensEqual([token], token)).toBe(false);
  });

  it('accepts only loopback Host and Origin on our own port', () => {
    expect(isAllowedHost('127.0.0.1:4780', 4780)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4780', 4780)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4781', 4780)).toBe(false);
    expect(isAllowedHost('attacker.example:4780', 4780)).toBe(false);
    expect(isAllowedHost(undefined, 4780)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4780', 4780)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4780', 4780)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:4780', 4780)).toBe(false);
    expect(isAllowedOrigin('null', 4780)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4780.evil.example', 4780)).toBe(false);
  });

  it('maps URL paths into the static folder only', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
    expect(resolveStaticPath(root, '/../etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/a/..%2F..%2Fetc')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath(root, '/x%00.js')).toBeNull();
  });

  it('reads the port from the environment', () => {
    expect(parsePort(undefined)).toBe(4780);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    expect(() => parsePort('80a')).toThrow('LABEL_STATION_PORT');
    expect(() => parsePort('70000')).toThrow('LABEL_STATION_PORT');
  });
});

describe('web CLI environment', () => {
  it('keeps data under the working folder unless told otherwise', () => {
    expect(resolveDataDir(undefined, '/work/site')).toBe(path.resolve('/work/site/.station-data'));
    expect(resolveDataDir('', '/work/site')).toBe(path.resolve('/work/site/.station-data'));
    expect(resolveDataDir('/var/lib/station', '/work/site')).toBe(path.resolve('/var/lib/station'));
  });

  it('finds the project root from its own folder, not the cwd', () => {
    const root = findProjectRoot();
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).name).toBe('label-station');
    expect(findProjectRoot(path.join(root, 'test', 'unit'))).toBe(root);
  });
});
