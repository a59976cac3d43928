/** The one interface every label provider implements: sandbox, aftership, tiktok, shipium. */
import type { PurchasedLabel } from '../../../shared/domain/labels';
import type { OrderDetails } from '../../../shared/domain/orders';
import type { LabelFormat } from '../../../shared/domain/labels';
import type { Parcel } from '../../../shared/domain/parcels';
import type { ProviderName } from '../../../shared/domain/providers';
import { StationError, type ProblemCode } from '../../../shared/errors';

export interface ParcelRequest extends Parcel {
  /** The order line item IDs packed in this parcel; empty = the whole order in one parcel. */
  itemIds: string[];
}

export interface LabelRequest {
  /** 18-digit TikTok Shop order ID. */
  orderId: string;
  /** One label for these parcels (one parcel unless a supervisor split the shipment). */
  parcels: ParcelRequest[];
  /**
   * Idempotency reference (station, order, parcel set): sent with the create (AfterShip
   * `references`, Shipium reference fields) and used by findLabel to recognise the label later.
   */
  reference: string;
  /** The format the printer wants; providers may answer with another: the station sniffs the bytes. */
  fileType: Extract<LabelFormat, 'pdf' | 'zpl'>;
  /** What the order source knows (line items for per-item references); null when nothing is known. */
  order: OrderDetails | null;
}

export type { PurchasedLabel };

/** The provider's word on whether a label exists for a request; it throws when it cannot tell. */
export type LabelLookup = { state: 'found'; label: PurchasedLabel } | { state: 'none' };

export interface ProviderCapabilities {
  /** False for Shipium's TikTok carrier: no tracking updates. */
  tracking: boolean;
  /** TikTok labels cannot be voided through any channel; kept explicit for the UI. */
  void: false;
  /** The provider can say whether a label exists for a reference (reconciliation after a lost answer). */
  lookup: boolean;
  /** Answers may take tens of seconds (Shipium): the UI shows that it is still working. */
  slow: boolean;
  /**
   * How a split shipment is bought: 'all' = one request with every box (one label record, one
   * tracking number and one page per box); 'one' = one request per box (TikTok Shop: a package each).
   */
  boxesPerRequest: 'all' | 'one';
  /**
   * Set when an order the history has never seen may be bought without asking first: the lookup
   * reaches this many days back, so a history that has held every purchase for longer knows all it
   * could find (labels/history-answers.ts). Unset: always ask.
   */
  historyAnswersAfterDays?: number;
}

export interface LabelProvider {
  readonly name: ProviderName;
  /** Shown to the worker, e.g. "AfterShip Shipping API" or "Sandbox (no real labels)". */
  readonly title: string;
  readonly sandbox: boolean;
  readonly capabilities: ProviderCapabilities;
  /** How long one request may take before the station gives up on its answer (the provider may still act on it). */
  readonly requestTimeoutMs: number;
  /** Buys one label. Throws ProviderError. Never retried blindly by the caller. */
  createLabel(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel>;
  /**
   * Looks the request's label up at the provider (by reference, or the order's packages).
   * Resolves { state: 'none' } only when the provider confirms no label exists; throws
   * ProviderError when it cannot tell. Providers without lookup throw 'lookup_unsupported'.
   */
  findLabel(request: LabelRequest, signal?: AbortSignal): Promise<LabelLookup>;
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
    code: ProblemCode,
    message: string,
    nextStep: string,
    readonly ambiguous: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(code, message, nextStep);
    this.name = 'ProviderError';
  }
}

export function lookupUnsupported(providerTitle: string): ProviderError {
  return new ProviderError(
    'lookup_unsupported',
    `${providerTitle} cannot be asked whether a label already exists.`,
    'A supervisor must check the order in the provider’s dashboard.',
    true,
  );
}
