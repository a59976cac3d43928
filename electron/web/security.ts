/** Who may talk to the browser shell: per-launch token, loopback Host and Origin only, and the CSP. */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { contentSecurityPolicy } from '../common/content-security-policy';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal so length is not leaked either. */
export function tokensEqual(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** DNS rebinding defence: a page served from evil.example that resolves to 127.0.0.1 still sends its own Host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/** A missing Origin is a non-browser client (it still needs the token); a present one must be ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function webContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}

/**
 * How many times a header appears in the raw request (Node keeps only the first Host of several in
 * `req.headers`, so a request with two Host headers would be judged by one of them). A request the
 * station answers must carry exactly one Host header.
 */
export function headerCount(rawHeaders: readonly string[], name: string): number {
  let n = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) n++;
  return n;
}
