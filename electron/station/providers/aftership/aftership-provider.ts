/**
 * The AfterShip Shipping API (v3) as a LabelProvider: POST /labels with the TikTok order ID, poll
 * GET /labels/{id} while AfterShip answers "pending" (3001), and find a label again by its
 * reference (GET /labels?s=) after an answer was lost. A create is only ever sent again after a
 * 429 (AfterShip did nothing); any other failure after it may have reached AfterShip is ambiguous.
 */
import type { LabelLookup, LabelProvider, LabelRequest, PurchasedLabel } from '../provider';
import { redactSecrets } from '../http/redact';
import { ProviderError } from '../provider';
import { cancelledBeforeSending, requireItemsForSplit, validateLabelRequest } from '../label-request';
import { createApiClient, type ApiClient } from './api-client';
import { META_OK, META_PENDING, parseEnvelope, type AfterShipEnvelope } from './envelope';
import {
  businessError,
  cancelledWhileRateLimited,
  labelFailedError,
  networkErrorOnCreate,
  rateLimitedError,
  serverErrorOnCreate,
  stillCreatingError,
  unauthorizedError,
  unreadableAnswerOnCreate,
  wrongAddressError,
} from './errors';
import { bodyText, type HttpAnswer } from '../http/exchange';
import { AfterShipLabelData, toPurchasedLabel } from './label-data';
import { downloadLabelFile } from './label-download';
import { findLabelByReference } from './label-lookup';
import { afterShipRateLimiter, recordHolds, sharedAfterShipRateLimiter, type RateLimiter } from './rate-limiter';
import type { ProviderRecorder } from '../http/recorder';
import { buildCreateLabelBody, TIKTOK_SERVICE_TYPE } from './request-body';
import { abortableSleep, type Sleep } from '../http/sleep';
import { lookupFailed } from './lookup-errors';
import { PROVIDER_TITLES } from '../../../../shared/domain/providers';
import { AFTERSHIP_LOOKUP_DAYS, type AskBeforeBuying } from '../../../../shared/domain/settings';

export const AFTERSHIP_PRODUCTION_BASE_URL = 'https://api.aftership.com/postmen/v3';

export interface AfterShipProviderOptions {
  /** Default: production, https://api.aftership.com/postmen/v3 */
  baseUrl?: string;
  apiKey: string;
  /** AfterShip shipper account of the TikTok shop; '' or absent: AfterShip picks it. */
  shipperAccountId?: string;
  /** Default tiktok-shipping_standard_shipping. */
  serviceType?: string;
  fetch?: typeof fetch;
  /** Time limit of one HTTP request (default 30 s). */
  timeoutMs?: number;
  /** Wait between polls of a pending label (default 1 s). */
  pollIntervalMs?: number;
  /** Polls of a pending label before giving up as ambiguous (default 15). */
  maxPolls?: number;
  /** Download tries (default 3) and the first backoff (default 500 ms, doubling, jittered). */
  downloadAttempts?: number;
  downloadBackoffMs?: number;
  /**
   * Default: the process-wide 10 requests/s bucket of this account (base URL + key). When only
   * `sleep` is injected (tests), a private bucket that waits with that sleep.
   */
  rateLimiter?: RateLimiter;
  /** Every wait (rate limit, 429 reset, backoff, poll interval) goes through it; must reject on abort. */
  sleep?: Sleep;
  /** Jitter source, [0, 1). */
  random?: () => number;
  /** Clock for the lookup window. */
  now?: () => Date;
  /** How far back findLabel searches (default 30 days; AfterShip's own default is 24 h). */
  lookupDays?: number;
  /** 'history-gaps': skip the lookup before buying an order the history has never seen, once the history is older than the lookup's reach. */
  askBeforeBuying?: AskBeforeBuying;
  /** Told about every exchange and rate-limit hold (the Health panel's figures). */
  recorder?: ProviderRecorder;
}

type Step = { done: PurchasedLabel } | { pending: string };
export type PollResult = { state: 'created'; label: PurchasedLabel } | { state: 'failed'; reason: string | null };

export function createAfterShipProvider(opts: AfterShipProviderOptions): LabelProvider {
  const baseUrl = (opts.baseUrl?.trim() || AFTERSHIP_PRODUCTION_BASE_URL).replace(/\/+$/, '');
  const apiKey = opts.apiKey;
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const maxPolls = opts.maxPolls ?? 15;
  const sleep = opts.sleep ?? abortableSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? (() => new Date());
  const shared = opts.rateLimiter ?? (opts.sleep ? afterShipRateLimiter(sleep) : sharedAfterShipRateLimiter(baseUrl, apiKey));
  const limiter = opts.recorder ? recordHolds(shared, opts.recorder) : shared;
  const recorder = opts.recorder && { recorder: opts.recorder };
  const api: ApiClient = createApiClient({ baseUrl, apiKey, fetch: fetchImpl, timeoutMs, limiter, sleep, random, ...recorder });
  const bodyOptions = { serviceType: opts.serviceType || TIKTOK_SERVICE_TYPE, shipperAccountId: opts.shipperAccountId ?? '' };

  async function create(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel> {
    const valid = validateLabelRequest(request);
    requireItemsForSplit(valid);
    if (signal?.aborted) throw cancelledBeforeSending();
    const outcome = await api.call({ method: 'POST', path: '/labels', body: buildCreateLabelBody(valid, bodyOptions) }, signal);
    switch (outcome.kind) {
      case 'cancelled-while-waiting':
        throw cancelledWhileRateLimited();
      case 'rate-limited':
        throw rateLimitedError(outcome.retryAfterMs);
      case 'failed':
        throw networkErrorOnCreate(outcome.failure);
    }
    const step = readCreateAnswer(outcome.answer);
    if ('done' in step) return step.done;
    const polled = await poll(step.pending, signal);
    if (polled.state === 'failed') throw labelFailedError(step.pending, polled.reason);
    return polled.label;
  }

  /** Polls a label AfterShip is still creating; throws an ambiguous error when it does not finish in time. */
  async function poll(labelId: string, signal?: AbortSignal): Promise<PollResult> {
    for (let attempt = 0; attempt < maxPolls; attempt++) {
      try {
        await sleep(pollIntervalMs, signal);
      } catch {
        throw networkErrorOnCreate('cancelled');
      }
      const outcome = await api.call({ method: 'GET', path: `/labels/${encodeURIComponent(labelId)}` }, signal);
      if (outcome.kind === 'cancelled-while-waiting' || (outcome.kind === 'failed' && outcome.failure === 'cancelled')) {
        throw networkErrorOnCreate('cancelled');
      }
      if (outcome.kind !== 'answer' || outcome.answer.status !== 200) continue;
      const envelope = parseEnvelope(bodyText(outcome.answer));
      if (!envelope || (envelope.meta.code !== META_OK && envelope.meta.code !== META_PENDING)) continue;
      const data = AfterShipLabelData.safeParse(envelope.data);
      if (!data.success) continue;
      const status = data.data.status;
      if (status === 'creating') continue;
      if (status === 'failed') return { state: 'failed', reason: data.data.rate?.error_message ?? null };
      if (status === 'cancelled' || status === 'cancelling') return { state: 'failed', reason: 'the label was cancelled' };
      const label = toPurchasedLabel(data.data);
      if (!label) throw unreadableAnswerOnCreate(labelId);
      return { state: 'created', label };
    }
    throw stillCreatingError(labelId);
  }

  return {
    name: 'aftership',
    title: PROVIDER_TITLES.aftership,
    sandbox: false,
    capabilities: {
      tracking: true,
      void: false,
      lookup: true,
      slow: false,
      boxesPerRequest: 'all',
      ...(opts.askBeforeBuying === 'history-gaps' && { historyAnswersAfterDays: opts.lookupDays ?? AFTERSHIP_LOOKUP_DAYS }),
    },
    requestTimeoutMs: timeoutMs,

    async createLabel(request, signal) {
      try {
        return await create(request, signal);
      } catch (error) {
        throw redactSecrets(asProviderError(error, 'create'), [apiKey]);
      }
    },

    async findLabel(request, signal): Promise<LabelLookup> {
      try {
        const valid = validateLabelRequest(request);
        return await findLabelByReference(valid, { api, poll, now, lookupDays: opts.lookupDays ?? AFTERSHIP_LOOKUP_DAYS }, signal);
      } catch (error) {
        throw redactSecrets(asProviderError(error, 'lookup'), [apiKey]);
      }
    },

    async downloadLabel(labelUrl, signal) {
      try {
        return await downloadLabelFile(labelUrl, {
          fetch: fetchImpl,
          timeoutMs,
          attempts: opts.downloadAttempts ?? 3,
          backoffMs: opts.downloadBackoffMs ?? 500,
          sleep,
          random,
          signal,
          ...recorder,
        });
      } catch (error) {
        throw redactSecrets(asProviderError(error, 'download'), [apiKey]);
      }
    },
  };
}

/** Reads the answer to POST /labels (never a 429: the API client waits those out). */
function readCreateAnswer(answer: HttpAnswer): Step {
  const { status } = answer;
  if (status === 401 || status === 403) throw unauthorizedError();
  if (status >= 500) throw serverErrorOnCreate(status);
  const envelope = parseEnvelope(bodyText(answer));
  if (!envelope) {
    if (status >= 200 && status < 300) throw unreadableAnswerOnCreate();
    throw wrongAddressError(status);
  }
  return readCreateEnvelope(envelope, status);
}

function readCreateEnvelope(envelope: AfterShipEnvelope, status: number): Step {
  const { meta } = envelope;
  if (meta.code === META_OK || meta.code === META_PENDING) {
    const data = AfterShipLabelData.safeParse(envelope.data);
    if (!data.success) throw unreadableAnswerOnCreate(labelIdOf(envelope.data));
    const label = data.data;
    if (label.status === 'failed') throw labelFailedError(label.id, label.rate?.error_message);
    if (label.status === 'creating' || meta.code === META_PENDING) return { pending: label.id };
    const purchased = toPurchasedLabel(label);
    if (!purchased) throw unreadableAnswerOnCreate(label.id);
    return { done: purchased };
  }
  if (meta.code === 401) throw unauthorizedError();
  if (meta.code === 429) throw rateLimitedError(1_000);
  if (meta.code >= 4000 && meta.code < 5000) throw businessError(meta);
  if (status >= 400 && status < 500) throw wrongAddressError(status);
  throw serverErrorOnCreate(status);
}

function labelIdOf(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && /^[\w-]{1,80}$/.test(id) ? id : undefined;
}

function asProviderError(error: unknown, during: 'create' | 'download' | 'lookup'): ProviderError {
  if (error instanceof ProviderError) return error;
  if (during === 'download') {
    return new ProviderError(
      'label_download_failed',
      'The label file could not be downloaded (unexpected error).',
      'Reprint the label from History; if it keeps failing, tell a supervisor.',
      false,
    );
  }
  if (during === 'lookup') return lookupFailed('unexpected error in the station');
  // Unexpected: we cannot tell whether AfterShip acted, so it must be treated as ambiguous.
  return new ProviderError(
    'aftership_unexpected',
    'The station hit an unexpected error while talking to AfterShip; the label may or may not have been bought.',
    'Do not scan this order again yet: a supervisor must check AfterShip for a label for this order.',
    true,
  );
}
