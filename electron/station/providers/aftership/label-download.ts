/**
 * Fetches a bought label's file. The file sits on a download host, not the API: the API key is
 * never sent. Downloading is idempotent, so network failures and 5xx are retried a few times.
 */
import { downloadLabelWithRetries, labelDownloadError } from '../http/label-download';
import { jitteredBackoff, type Sleep } from '../http/sleep';
import type { ProviderRecorder } from '../http/recorder';

export interface DownloadOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  sleep: Sleep;
  random: () => number;
  signal?: AbortSignal;
  recorder?: ProviderRecorder;
}

export function downloadLabelFile(labelUrl: string, opts: DownloadOptions): Promise<Uint8Array> {
  return downloadLabelWithRetries(labelUrl, {
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    accept: 'application/pdf, application/zpl, image/png, */*',
    attempts: opts.attempts,
    backoffMs: (attempt) => jitteredBackoff(attempt - 1, opts.backoffMs, opts.random),
    sleep: opts.sleep,
    ...(opts.recorder && { recorder: opts.recorder }),
    elsewhereNextStep: 'Tell a supervisor; the label can be downloaded from AfterShip instead.',
    refused: (status) =>
      labelDownloadError(
        `The label was bought but its file could not be downloaded (HTTP ${status}).`,
        'Try the reprint from History in a minute; if it still fails, a supervisor can download the label from AfterShip.',
      ),
  });
}
