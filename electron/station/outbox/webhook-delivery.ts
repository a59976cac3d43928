/**
 * One webhook delivery: POST of the event's stable JSON body, signed (webhook-signature.ts), within a
 * time limit, never following a redirect (the secret-signed body goes only where Settings says).
 * Any 2xx is delivered; anything else throws and the outbox tries again later.
 */
import { WebhookEvent, type WebhookPayload } from '../../../shared/domain/writeback';
import type { OutboxEvent } from './outbox-store';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

export function webhookPayload(event: OutboxEvent): WebhookPayload {
  return {
    id: event.eventId,
    type: WebhookEvent.parse(event.type),
    occurredAt: event.occurredAt,
    data: {
      labelId: event.labelId,
      orderId: event.orderId,
      trackingNumbers: event.trackingNumbers,
      provider: event.provider,
      station: event.station,
    },
  };
}

export async function sendWebhook(
  target: { url: string; secret: string },
  event: OutboxEvent,
  options: { fetch?: typeof fetch; timeoutMs: number; now: () => Date; userAgent: string },
): Promise<void> {
  const body = JSON.stringify(webhookPayload(event));
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(target.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': options.userAgent,
        'label-station-event': event.type,
        'label-station-delivery': event.eventId,
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(target.secret, body, options.now()),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    const name = (error as Error).name;
    throw new Error(
      name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${options.timeoutMs / 1000} s` : 'could not connect',
    );
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(
      response.status >= 300 && response.status < 400
        ? `answered with a redirect (HTTP ${response.status}); not followed`
        : `answered HTTP ${response.status}`,
    );
  }
}
