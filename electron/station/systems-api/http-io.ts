/** Reading a capped JSON body and writing JSON, problem and file answers for the Station API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProblemDetails } from './api-schemas';
import { problem } from './problem-details';

/** A label request with 20 boxes of 500 line items each fits well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; problem: ProblemDetails };

export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    return {
      ok: false,
      problem: problem(
        'unsupported_media_type',
        `The body must be JSON (Content-Type: application/json), not ${type || 'without a Content-Type'}.`,
        'Send the request again with the header Content-Type: application/json.',
      ),
    };
  }
  const tooLarge = {
    ok: false as const,
    problem: problem(
      'too_large',
      `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
      'Send a smaller request (at most 20 boxes of 500 items).',
    ),
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return tooLarge;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return tooLarge;
      chunks.push(chunk);
    }
  } catch {
    return { ok: false, problem: problem('bad_request', 'The request body was cut off.', 'Send the request again.') };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      problem: problem(
        'bad_request',
        `The body is not valid JSON (${(error as Error).message}).`,
        'Send a JSON object, e.g. {"order": "577100000000000042"}.',
      ),
    };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendProblem(res: ServerResponse, details: ProblemDetails, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(details);
  res.writeHead(details.status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendBytes(res: ServerResponse, bytes: Uint8Array, contentType: string, fileName: string): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
  res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
