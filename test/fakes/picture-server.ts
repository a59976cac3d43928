/** A loopback image host (a WMS's or shop's product picture CDN): fixed paths, counted requests. */
import { startLoopbackServer, type LoopbackServer } from './loopback-http';

export interface FakePictureServer extends LoopbackServer {
  /** Paths asked for, in order. */
  requests: string[];
  /** What GET <path> answers: bytes with a content type; `chunked` hides the length; `hang` never answers. */
  serve(path: string, answer: { bytes: Uint8Array; type: string; chunked?: boolean } | 'hang'): void;
}

export async function startFakePictureServer(): Promise<FakePictureServer> {
  const answers = new Map<string, { bytes: Uint8Array; type: string; chunked?: boolean } | 'hang'>();
  const requests: string[] = [];
  const server = await startLoopbackServer(
    async (req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push(path);
      const answer = answers.get(path);
      if (answer === 'hang') return;
      if (!answer || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (answer.chunked) {
        res.writeHead(200, { 'content-type': answer.type });
        for (let at = 0; at < answer.bytes.byteLength; at += 64 * 1024) res.write(answer.bytes.subarray(at, at + 64 * 1024));
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': answer.type, 'content-length': answer.bytes.byteLength }).end(answer.bytes);
    },
    (res) => res.writeHead(500).end(),
  );
  return { ...server, requests, serve: (path, answer) => answers.set(path, answer) };
}
