/**
 * A loopback fake of a WMS that receives the station's webhooks. It checks every signature on its
 * own (HMAC-SHA256 of `${t}.${raw body}` with the shared secret, as the README tells a WMS to), keeps
 * what it accepted in order, and can be "down": answering 503, or dropping connections, until it is
 * brought back. Only what it accepted with a valid signature counts as received.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRequest, sendJson, startLoopbackServer, type RecordedRequest } from './loopback-http';

export interface ReceivedWebhook {
  id: string;
  type: string;
  occurredAt: string;
  data: { labelId: string; orderId: string; trackingNumbers: string[]; provider: string; station: string };
  headers: Record<string, string>;
}

export interface FakeWms {
  /** The webhook address, e.g. http://127.0.0.1:PORT/hooks/labels */
  url: string;
  /** Accepted (signature valid) deliveries, in the order they arrived. */
  received: ReceivedWebhook[];
  /** Every request, also those refused (bad signature) or answered while down. */
  requests: RecordedRequest[];
  /** Requests whose signature did not verify. */
  badSignatures: number;
  /** 'error': answers 503; 'drop': drops the connection; 'up': accepts again. */
  setState(state: 'up' | 'error' | 'drop'): void;
  close(): Promise<void>;
}

export async function startFakeWms(options: { secret: string; toleranceSeconds?: number }): Promise<FakeWms> {
  const received: ReceivedWebhook[] = [];
  const requests: RecordedRequest[] = [];
  let state: 'up' | 'error' | 'drop' = 'up';
  const fake = { badSignatures: 0 };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { url, raw, record } = await readRequest(req);
    requests.push(record);
    if (state === 'drop') {
      req.socket.destroy();
      return;
    }
    if (state === 'error') return sendJson(res, 503, { error: 'WMS is down for maintenance' });
    if (req.method !== 'POST' || url.pathname !== '/hooks/labels') return sendJson(res, 404, { error: 'not found' });
    if (!verify(String(req.headers['label-station-signature'] ?? ''), raw, options.secret, options.toleranceSeconds ?? 300)) {
      fake.badSignatures += 1;
      return sendJson(res, 401, { error: 'bad signature' });
    }
    const body = JSON.parse(raw) as Omit<ReceivedWebhook, 'headers'>;
    received.push({ ...body, headers: record.headers });
    sendJson(res, 200, { ok: true });
  }

  const loopback = await startLoopbackServer(handle, (res) => sendJson(res, 500, { error: 'fake failed' }));
  return {
    url: `${loopback.origin}/hooks/labels`,
    received,
    requests,
    get badSignatures() {
      return fake.badSignatures;
    },
    setState: (next) => void (state = next),
    close: loopback.close,
  };
}

/** The receiver's side, written independently of the station's code: t=<seconds>,v1=<hex>. */
function verify(header: string, raw: string, secret: string, toleranceSeconds: number): boolean {
  const fields = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(fields.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  const given = Buffer.from(fields.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
