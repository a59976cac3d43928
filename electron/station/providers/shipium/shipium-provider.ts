/**
 * Shipium's TikTok Shop carrier as a LabelProvider: one POST to the single-call label endpoint with
 * Basic auth (API key as user, empty password). TikTok via Shipium is slow, so the time limit is long
 * (120 s by default). A create is never retried here; Shipium offers no void, no tracking and (for
 * the station) no lookup, so every answer that may hide a bought label is reported as ambiguous.
 */
import { cancelledBeforeSending, validateLabelRequest } from '../label-request';
import { downloadLabelWithRetries, labelDownloadError } from '../http/label-download';
import { abortableSleep } from '../http/sleep';
import { redactSecrets } from '../http/redact';
import { lookupUnsupported, ProviderError, type LabelProvider, type LabelRequest, type PurchasedLabel } from '../provider';
import { decodeLabelDataUrl } from './data-url';
import {
  duplicateShipmentError,
  networkErrorOnCreate,
  rateLimitedError,
  refusedError,
  serverErrorOnCreate,
  shipiumMessage,
  unauthorizedError,
  unreadableAnswerOnCreate,
  unusableLabelError,
  wrongAddressError,
} from './errors';
import { bodyText, httpExchange, type HttpAnswer } from '../http/exchange';
import { retryAfterMs } from '../http/retry-after';
import { buildShipiumLabelBody, SHIPIUM_LABEL_PATH } from './request-body';
import { readLabelResponse, ShipiumLabelResponse } from './response';
import { PROVIDER_TITLES } from '../../../../shared/domain/providers';
import type { ProviderRecorder } from '../http/recorder';

export const SHIPIUM_PRODUCTION_BASE_URL = 'https://api.shipium.com';

export interface ShipiumProviderOptions {
  /** e.g. https://api.shipium.com (no path). */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Time limit of the label call (default 120 s: TikTok via Shipium is slow). */
  timeoutMs?: number;
  /** Label file downloads (only when Shipium answers with an address): tries and first backoff. */
  downloadAttempts?: number;
  downloadBackoffMs?: number;
  /** Told about every exchange (the Health panel's figures). */
  recorder?: ProviderRecorder;
}

const MAX_ANSWER_BYTES = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 30_000;

export function createShipiumProvider(opts: ShipiumProviderOptions): LabelProvider {
  const baseUrl = (opts.baseUrl.trim() || SHIPIUM_PRODUCTION_BASE_URL).replace(/\/+$/, '');
  const apiKey = opts.apiKey;
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const recorder = opts.recorder && { recorder: opts.recorder };
  const authorization = `Basic ${Buffer.from(`${apiKey}:`, 'utf8').toString('base64')}`;

  async function create(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel> {
    const valid = validateLabelRequest(request);
    if (signal?.aborted) throw cancelledBeforeSending();
    const body = buildShipiumLabelBody({ ...request, ...valid });
    const result = await httpExchange(
      `${baseUrl}${SHIPIUM_LABEL_PATH}`,
      {
        method: 'POST',
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      { fetch: fetchImpl, timeoutMs, signal, maxBytes: MAX_ANSWER_BYTES, ...recorder },
    );
    if (!result.ok) throw networkErrorOnCreate(result.failure, timeoutMs);
    return readCreateAnswer(result.answer, request.reference);
  }

  async function download(labelUrl: string, signal?: AbortSignal): Promise<Uint8Array> {
    if (labelUrl.startsWith('data:')) {
      const bytes = decodeLabelDataUrl(labelUrl);
      if (!bytes || bytes.byteLength === 0) {
        throw labelDownloadError(
          'The stored Shipium label is damaged and cannot be read.',
          'A supervisor can print the label from the Shipium Console.',
        );
      }
      return bytes;
    }
    // The API key goes only to Shipium's own host, never to a file host.
    const sameHost = safeOrigin(labelUrl) === safeOrigin(baseUrl);
    return downloadLabelWithRetries(labelUrl, {
      fetch: fetchImpl,
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
      signal,
      accept: 'application/pdf, application/zpl, image/png, */*',
      ...(sameHost && { headers: { authorization } }),
      maxBytes: MAX_ANSWER_BYTES,
      attempts: Math.max(1, opts.downloadAttempts ?? 3),
      backoffMs: (attempt) => (opts.downloadBackoffMs ?? 500) * 2 ** (attempt - 2),
      sleep: abortableSleep,
      ...recorder,
      elsewhereNextStep: 'A supervisor can print the label from the Shipium Console.',
      refused: (status) =>
        labelDownloadError(
          `The label was bought but its file could not be downloaded from Shipium (HTTP ${status}).`,
          'Try the reprint from History in a minute; if it still fails, a supervisor can print it from the Shipium Console.',
        ),
    });
  }

  return {
    name: 'shipium',
    title: PROVIDER_TITLES.shipium,
    sandbox: false,
    capabilities: { tracking: false, void: false, lookup: false, slow: true, boxesPerRequest: 'all' },
    requestTimeoutMs: timeoutMs,

    async createLabel(request, signal) {
      try {
        return await create(request, signal);
      } catch (error) {
        throw redactSecrets(asProviderError(error), [apiKey]);
      }
    },

    async findLabel() {
      throw lookupUnsupported(PROVIDER_TITLES.shipium);
    },

    async downloadLabel(labelUrl, signal) {
      try {
        return await download(labelUrl, signal);
      } catch (error) {
        if (error instanceof ProviderError) throw redactSecrets(error, [apiKey]);
        throw labelDownloadError(
          'The label file could not be downloaded (unexpected error).',
          'Reprint the label from History; if it keeps failing, tell a supervisor.',
        );
      }
    },
  };
}

async function readCreateAnswer(answer: HttpAnswer, reference: string): Promise<PurchasedLabel> {
  const { status, headers } = answer;
  const text = bodyText(answer);
  if (status === 401 || status === 403) throw unauthorizedError(status);
  if (status === 429) throw rateLimitedError(retryAfterMs(headers, { fallbackMs: 5_000 }));
  if (status === 409) throw duplicateShipmentError(shipiumMessage(text));
  if (status >= 500) throw serverErrorOnCreate(status);
  if (status >= 400) {
    const said = shipiumMessage(text);
    // A 404/405 without Shipium's JSON error is some other server: nothing reached Shipium.
    if (!said && (status === 404 || status === 405)) throw wrongAddressError(status);
    throw refusedError(status, said);
  }
  if (status < 200 || status >= 300) throw unreadableAnswerOnCreate();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unreadableAnswerOnCreate();
  }
  const parsed = ShipiumLabelResponse.safeParse(json);
  if (!parsed.success) throw unreadableAnswerOnCreate();
  const read = await readLabelResponse(parsed.data, reference);
  if ('problem' in read) throw unusableLabelError(read);
  return read.label;
}

function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  // Unexpected: we cannot tell whether Shipium acted, so it must be treated as ambiguous.
  return new ProviderError(
    'shipium_unexpected',
    'The station hit an unexpected error while buying the label from Shipium; it may or may not have been bought.',
    'Do not scan this order again yet: a supervisor must look for a label for this order in the Shipium Console.',
    true,
  );
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
