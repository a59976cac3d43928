/** Serves the built renderer from one directory, and nothing outside it. */
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { findRendererFile } from '../common/renderer-files';

export async function serveStatic(staticDir: string, urlPath: string, method: string, res: ServerResponse): Promise<void> {
  const found = await findRendererFile(staticDir, urlPath);
  if (!found.ok) return found.status === 404 ? sendText(res, 404, 'Not found') : sendText(res, 400, 'Bad path');
  const { file, type, size } = found;
  res.writeHead(200, {
    'content-type': type,
    'content-length': size,
    // index.html names hashed assets, so it must never be stale; the assets themselves may be cached.
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
