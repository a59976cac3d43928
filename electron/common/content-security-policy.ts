/**
 * The renderer's Content-Security-Policy, one for both shells: the Electron shell serves it on
 * app://station/, the browser shell on 127.0.0.1 (which also lets the page open its event socket).
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
