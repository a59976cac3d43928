/**
 * Fetches a bought label's file from the address the provider handed out. Downloading is
 * idempotent, so network failures, 429, 5xx and empty files are retried a few times; any other
 * refusal is final. Each provider supplies its headers, its backoff and the words that name it.
 */
import { ProviderError } from '../provider';
import { httpExchange } from './exchange';
import type { ProviderRecorder } from './recorder';

export interface LabelDownloadOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The Accept header of the download. */
  accept: string;
  /** Other headers (a provider's credentials, only for its own host). */
  headers?: Record<string, string>;
  /** Largest file accepted (25 MiB by default): anything bigger is not a label. */
  maxBytes?: number;
  attempts: number;
  /** The wait before try `attempt` (2, 3, …). */
  backoffMs: (attempt: number) => number;
  /** Resolves after `ms`; a rejection counts as a cancel. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The next step when the address or the file cannot be a label's: where else the label can be had. */
  elsewhereNextStep: string;
  /** The final error for a refusal that retrying cannot fix (4xx other than 429). */
  refused: (status: number) => ProviderError;
  /** Told about every try (the Health panel's figures). */
  recorder?: ProviderRecorder;
}

const MAX_LABEL_BYTES = 25 * 1024 * 1024;

export async function downloadLabelWithRetries(url: string, opts: LabelDownloadOptions): Promise<Uint8Array> {
  if (!/^https?:\/\//i.test(url)) {
    throw labelFileUnusable('The label address is not a web address, so the file cannot be downloaded.', opts.elsewhereNextStep);
  }
  let problem = 'no answer';
  for (let attempt = 1; attempt <= opts.attempts; attempt++) {
    if (attempt > 1) {
      try {
        await opts.sleep(opts.backoffMs(attempt), opts.signal);
      } catch {
        throw labelDownloadCancelled();
      }
    }
    if (opts.signal?.aborted) throw labelDownloadCancelled();
    const result = await httpExchange(
      url,
      { method: 'GET', headers: { accept: opts.accept, ...opts.headers } },
      {
        fetch: opts.fetch,
        timeoutMs: opts.timeoutMs,
        signal: opts.signal,
        maxBytes: opts.maxBytes ?? MAX_LABEL_BYTES,
        ...(opts.recorder && { recorder: opts.recorder }),
      },
    );
    if (!result.ok) {
      if (result.failure === 'cancelled') throw labelDownloadCancelled();
      if (result.tooLarge) throw labelFileUnusable('The label file is far too large to be a shipping label.', opts.elsewhereNextStep);
      problem = result.failure === 'unreachable' ? 'the download server could not be reached' : 'the connection failed';
      continue;
    }
    const { status, body } = result.answer;
    if (status >= 200 && status < 300) {
      if (body.byteLength > 0) return body;
      problem = 'the file was empty';
      continue;
    }
    if (status >= 500 || status === 429) {
      problem = `the download server answered HTTP ${status}`;
      continue;
    }
    throw opts.refused(status);
  }
  throw labelDownloadError(
    `The label was bought but its file could not be downloaded: ${problem}.`,
    "Check the station's internet connection, then reprint the label from History.",
  );
}

export function labelDownloadError(message: string, nextStep: string): ProviderError {
  return new ProviderError('label_download_failed', message, nextStep, false);
}

/** A file no retry or reprint can fix (too large, no web address): only the provider's dashboard helps. */
export function labelFileUnusable(message: string, nextStep: string): ProviderError {
  return new ProviderError('label_file_unusable', message, nextStep, false);
}

function labelDownloadCancelled(): ProviderError {
  return new ProviderError('label_download_cancelled', 'The label download was cancelled.', 'Reprint the label from History.', false);
}
