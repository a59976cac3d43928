/** The one interface every label provider implements (sandbox, aftership; later tiktok, shipium). */
import type { Parcel, ProviderName } from '../../../shared/schemas';
import { StationError } from '../../../shared/rpc';

export interface LabelRequest {
  /** 18-digit TikTok Shop order ID. */
  orderId: string;
  /** One label per parcel; for now always exactly one parcel. */
  parcels: Parcel[];
  /** Idempotency reference (station, order, parcel set), sent in the request's `references`. */
  reference: string;
}

export interface PurchasedLabel {
  providerLabelId: string;
  trackingNumbers: string[];
  cost: { amount: number; currency: string } | null;
  /** Where the label file can be downloaded (https://… for AfterShip, sandbox://… for the sandbox). */
  labelUrl: string;
}

export interface LabelProvider {
  readonly name: ProviderName;
  /** Shown to the worker, e.g. "AfterShip Shipping API" or "Sandbox (no real labels)". */
  readonly title: string;
  readonly sandbox: boolean;
  /** Buys one label. Throws ProviderError. Never retried blindly by the caller. */
  createLabel(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel>;
  /** Downloads the label file bytes (PDF, ZPL or PNG; the caller sniffs which). Safe to retry. */
  downloadLabel(labelUrl: string, signal?: AbortSignal): Promise<Uint8Array>;
}

/**
 * A provider failure, worded for a packer. `ambiguous` is true when the provider may have created
 * the label anyway (timeout, connection reset after the request was sent, 5xx on create): the
 * station must then not buy again until the label is looked up or a supervisor checks.
 */
export class ProviderError extends StationError {
  constructor(
    code: string,
    message: string,
    nextStep: string,
    readonly ambiguous: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(code, message, nextStep);
    this.name = 'ProviderError';
  }
}
