/**
 * The AfterShip Shipping API (v3) as a LabelProvider: POST /labels with the TikTok order ID, poll
 * GET /labels/{id} while AfterShip answers "pending" (3001). A create is never retried here: any
 * failure after the request may have reached AfterShip is reported as ambiguous.
 */
import type { LabelProvider, LabelRequest, PurchasedLabel } from '../provider';
import { ProviderError } from '../provider';
import { cancelledBeforeSending, validateLabelRequest } from '../label-request';
import { META_OK, META_PENDING, parseEnvelope, type AfterShipEnvelope } from './envelope';
import {
  businessError,
  labelFailedError,
  networkErrorOnCreate,
  rateLimitedError,
  redactSecret,
  serverErrorOnCreate,
  stillCreatingError,
  unauthorizedError,
  unreadableAnswerOnCreate,
  wrongAddressError,
} from './errors';
import { bodyText, httpExchange, type HttpAnswer } from './http';
import { AfterShipLabelData, toPurchasedLabel } from './label-data';
import { downloadLabelFile } from './label-download';
import { retryAfterMsFromHeaders } from './rate-limit';
import { buildCreateLabelBody } from './request-body';

export const AFTERSHIP_PRODUCTION_BASE_URL = 'https://api.aftership.com/postmen/v3';

export interface AfterShipProviderOptions {
  /** Default: production, https://api.aftership.com/postmen/v3 */
  baseUrl?: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Time limit of one HTTP request (default 30 s). */
  timeoutMs?: number;
  /** Wait between polls of a pending label (default 1 s). */
  pollIntervalMs?: number;
  /** Polls of a pending label before giving up as ambiguous (default 15). */
  maxPolls?: number;
  /** Download tries (default 3) and the first backoff (default 500 ms, doubling). */
  downloadAttempts?: number;
  downloadBackoffMs?: number;
}

const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
/** What a poll waits at most after a 429, so polling stays bounded in time. */
const MAX_POLL_RATE_WAIT_MS = 10_000;

type Step = { done: PurchasedLabel } | { pending: string };

export function createAfterShipProvider(opts: AfterShipProviderOptions): LabelProvider {
  const baseUrl = (opts.baseUrl?.trim() || AFTERSHIP_PRODUCTION_BASE_URL).replace(/\/+$/, '');
  const apiKey = opts.apiKey;
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const maxPolls = opts.maxPolls ?? 15;

  const apiHeaders = (withBody: boolean): Record<string, string> => ({
    'as-api-key': apiKey,
    accept: 'application/json',
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  });

  async function create(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel> {
    const valid = validateLabelRequest(request);
    if (signal?.aborted) throw cancelledBeforeSending();
    const result = await httpExchange(
      `${baseUrl}/labels`,
      { method: 'POST', headers: apiHeaders(true), body: JSON.stringify(buildCreateLabelBody(valid)) },
      { fetch: fetchImpl, timeoutMs, signal, maxBytes: MAX_ANSWER_BYTES },
    );
    if (!result.ok) throw networkErrorOnCreate(result.failure);
    const step = readCreateAnswer(result.answer);
    if ('done' in step) return step.done;
    return poll(step.pending, signal);
  }

  async function poll(labelId: string, signal?: AbortSignal): Promise<PurchasedLabel> {
    let wait = pollIntervalMs;
    for (let attempt = 0; attempt < maxPolls; attempt++) {
      await pauseInFlight(wait, signal);
      wait = pollIntervalMs;
      const result = await httpExchange(
        `${baseUrl}/labels/${encodeURIComponent(labelId)}`,
        { method: 'GET', headers: apiHeaders(false) },
        { fetch: fetchImpl, timeoutMs, signal, maxBytes: MAX_ANSWER_BYTES },
      );
      if (!result.ok) {
        if (result.failure === 'cancelled') throw networkErrorOnCreate('cancelled');
        continue;
      }
      const { status, headers } = result.answer;
      if (status === 429) {
        wait = Math.min(retryAfterMsFromHeaders(headers), MAX_POLL_RATE_WAIT_MS);
        continue;
      }
      const envelope = status === 200 ? parseEnvelope(bodyText(result.answer)) : null;
      if (!envelope || (envelope.meta.code !== META_OK && envelope.meta.code !== META_PENDING)) continue;
      const data = AfterShipLabelData.safeParse(envelope.data);
      if (!data.success) continue;
      if (data.data.status === 'failed') throw labelFailedError(labelId, data.data.rate?.error_message);
      if (data.data.status === 'creating') continue;
      const label = toPurchasedLabel(data.data);
      if (!label) throw unreadableAnswerOnCreate(labelId);
      return label;
    }
    throw stillCreatingError(labelId);
  }

  return {
    name: 'aftership',
    title: 'AfterShip Shipping API',
    sandbox: false,

    async createLabel(request, signal) {
      try {
        return await create(request, signal);
      } catch (error) {
        throw redactSecret(asProviderError(error, 'create'), apiKey);
      }
    },

    async downloadLabel(labelUrl, signal) {
      try {
        return await downloadLabelFile(labelUrl, {
          fetch: fetchImpl,
          timeoutMs,
          attempts: opts.downloadAttempts ?? 3,
          backoffMs: opts.downloadBackoffMs ?? 500,
          signal,
        });
      } catch (error) {
        throw redactSecret(asProviderError(error, 'download'), apiKey);
      }
    },
  };
}

/** Reads the answer to POST /labels: a label, a label id to poll, or a thrown ProviderError. */
function readCreateAnswer(answer: HttpAnswer): Step {
  const { status, headers } = answer;
  if (status === 401 || status === 403) throw unauthorizedError();
  if (status === 429) throw rateLimitedError(retryAfterMsFromHeaders(headers));
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

function asProviderError(error: unknown, during: 'create' | 'download'): ProviderError {
  if (error instanceof ProviderError) return error;
  if (during === 'download') {
    return new ProviderError('label_download_failed', 'The label file could not be downloaded (unexpected error).', 'Reprint the label from History; if it keeps failing, tell a supervisor.', false);
  }
  // Unexpected: we cannot tell whether AfterShip acted, so it must be treated as ambiguous.
  return new ProviderError(
    'aftership_unexpected',
    'The station hit an unexpected error while talking to AfterShip; the label may or may not have been bought.',
    'Do not scan this order again yet: a supervisor must check AfterShip for a label for this order.',
    true,
  );
}

/** Waits between polls; a cancel here leaves a label AfterShip is still creating: ambiguous. */
function pauseInFlight(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(networkErrorOnCreate('cancelled'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(networkErrorOnCreate('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
