/**
 * What the providers room tells whoever watches the station's health: one call per HTTP exchange
 * with a provider (how it ended and how long it took) and one per rate-limit hold. Owned here, wired
 * by core; figures only, never an address, a header or a body.
 */
export type ExchangeOutcome =
  /** An answer the station can act on (2xx, or a refusal about the request itself such as 400/404/422). */
  | 'ok'
  /** No answer (unreachable, timeout, cut off, too large), a server error (5xx) or refused credentials (401/403). */
  | 'failed'
  /** HTTP 429: the provider did nothing and asks the station to slow down. */
  | 'rate_limited'
  /** The station itself cancelled while the request was in flight (not the provider's fault). */
  | 'cancelled';

export interface ProviderRecorder {
  exchange(event: { outcome: ExchangeOutcome; durationMs: number }): void;
  /**
   * The provider said "too many requests" (HTTP 429 or its own code) and the station holds every
   * request back; `heldMs` is the time this answer added to the hold (0 when an earlier hold covered it).
   */
  rateLimitHold(event: { heldMs: number }): void;
}

export const NO_RECORDER: ProviderRecorder = { exchange: () => undefined, rateLimitHold: () => undefined };
