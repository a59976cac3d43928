/** The outbox room: label events written with the label, delivered to Shopify and WMS webhooks exactly once, retried durably. */
export { OutboxLoop, type OutboxDeps } from './outbox-loop';
export { OutboxStore } from './outbox-store';
export { WritebackConfig } from './writeback-config';
export { DEFAULT_OUTBOX_TIMING, retryDelayMs, type OutboxTiming } from './backoff';
export { SIGNATURE_HEADER, signatureHeader, verifySignature } from './webhook-signature';
export { webhookPayload } from './webhook-delivery';
export { tiktokNote } from './destinations';
