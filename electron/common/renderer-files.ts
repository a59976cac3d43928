/**
 * Finds a file of the built renderer for a URL path, and nothing outside the renderer folder.
 * Plain Node: shared by the desktop app:// handler (app-protocol.ts) and the browser shell (web/).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file path inside root, or null when the path is malformed or leaves root
 * (`..` in any spelling, encoded separators, backslashes, NUL). `/` maps to index.html.
 */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const full = path.resolve(root, relative);
  return isInside(path.resolve(root), full) ? full : null;
}

export type RendererFile = { ok: true; file: string; type: string; size: number } | { ok: false; status: 400 | 404 };

/** Resolves, follows symlinks (which must not lead outside root either) and checks it is a file. */
export async function findRendererFile(root: string, urlPath: string): Promise<RendererFile> {
  const file = resolveRendererFile(root, urlPath);
  if (!file) return { ok: false, status: 400 };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile)) return { ok: false, status: 400 };
    const info = await stat(realFile);
    if (!info.isFile()) return { ok: false, status: 404 };
    return { ok: true, file: realFile, type: contentTypeFor(realFile), size: info.size };
  } catch {
    return { ok: false, status: 404 };
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
