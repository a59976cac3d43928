/**
 * The Station API for systems (a WMS or ERP asks the station for labels over HTTP): its address in
 * Settings, its tokens as Settings shows them (never the secret, only once at creation), and whether
 * it is listening.
 */
import { z } from 'zod';

/** What a token may do: read (labels, history, health), print (reprint), buy (request labels). */
export const ApiScope = z.enum(['read', 'print', 'buy']);
export type ApiScope = z.infer<typeof ApiScope>;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Loopback, or an address of the warehouse's own network (private ranges): never a public one. */
export function isLoopbackOrLan(host: string): boolean {
  if (host === '::1') return true;
  const v6 = host.toLowerCase();
  if (/^f[cd][0-9a-f]{2}:/.test(v6) || /^fe80:/.test(v6)) return true;
  const m = IPV4.exec(host);
  if (!m) return false;
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((n) => n > 255)) return false;
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export const SystemsApiHost = z
  .string()
  .trim()
  .min(1, 'Type the address the API listens on, e.g. 127.0.0.1 or this computer’s LAN address such as 192.168.1.20')
  .max(45)
  .refine(
    isLoopbackOrLan,
    'Use 127.0.0.1 (this computer only) or one of this computer’s addresses on the warehouse network (10.x, 172.16–31.x, 192.168.x)',
  );

export const SystemsApiSettings = z.object({
  /** Off by default: nothing listens until an administrator turns it on. */
  enabled: z.boolean(),
  host: SystemsApiHost,
  port: z.number().int('A whole port number').min(1024, 'Use a port from 1024 to 65535').max(65535, 'Use a port from 1024 to 65535'),
});
export type SystemsApiSettings = z.infer<typeof SystemsApiSettings>;

export const DEFAULT_SYSTEMS_API: SystemsApiSettings = { enabled: false, host: '127.0.0.1', port: 7420 };

export const ApiTokenName = z
  .string()
  .trim()
  .min(2, 'Name the token after the system that uses it, e.g. "WMS production"')
  .max(60, 'Keep the token name under 60 characters');

export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(ApiScope),
  createdAt: z.string(),
  createdBy: z.string(),
  /** When a call last used it (to the minute); null: never used. */
  lastUsedAt: z.string().nullable(),
  /** Set once revoked: the token is refused from then on. */
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const SystemsApiStatus = z.object({
  state: z.enum(['off', 'listening', 'failed']),
  /** The API's address when listening (e.g. http://192.168.1.20:7420); null otherwise. */
  url: z.string().nullable(),
  message: z.string(),
});
export type SystemsApiStatus = z.infer<typeof SystemsApiStatus>;

export const SystemsApiView = z.object({ status: SystemsApiStatus, tokens: z.array(ApiTokenView) });
export type SystemsApiView = z.infer<typeof SystemsApiView>;
