/** POST /rpc/:method — the station contract over HTTP, answered with the shared RpcResult envelope. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StationHandlers } from '../../shared/contract';
import type { ProblemCode } from '../../shared/errors';
import { dispatch, type RpcResult } from '../../shared/rpc';

export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

export function sendEnvelope(res: ServerResponse, status: number, envelope: RpcResult): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

export function problemEnvelope(code: ProblemCode, message: string, nextStep: string): RpcResult {
  return { ok: false, problem: { code, message, nextStep } };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function handleRpc(
  handlers: StationHandlers,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
  log?: (line: string) => void,
): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      return sendEnvelope(
        res,
        413,
        problemEnvelope('too_large', 'That request is too large for the station.', 'Try again with a smaller request.'),
      );
    }
    return sendEnvelope(res, 400, problemEnvelope('bad_request', 'The request was cut off.', 'Try again.'));
  }
  let input: unknown = {};
  const text = raw.toString('utf8').trim();
  if (text !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      return sendEnvelope(
        res,
        400,
        problemEnvelope('bad_request', 'The station could not read that request.', 'Reload the page and try again.'),
      );
    }
  }
  sendEnvelope(res, 200, await dispatch(handlers, method, input, log));
}
