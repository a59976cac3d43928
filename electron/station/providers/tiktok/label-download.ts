/**
 * Fetches a shipping document from the `doc_url` TikTok hands out. The URL is pre-signed by TikTok
 * (valid about 24 hours), so no app credentials or tokens are sent. Safe to retry.
 */
import { downloadLabelWithRetries, labelDownloadError } from '../http/label-download';
import type { ProviderRecorder } from '../http/recorder';

export interface DocDownloadOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  recorder?: ProviderRecorder;
}

export function downloadShippingDocument(url: string, opts: DocDownloadOptions): Promise<Uint8Array> {
  return downloadLabelWithRetries(url, {
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    accept: 'application/pdf, image/png, */*',
    attempts: 3,
    backoffMs: (attempt) => 400 * 2 ** (attempt - 2),
    sleep: opts.sleep,
    ...(opts.recorder && { recorder: opts.recorder }),
    elsewhereNextStep: 'Tell a supervisor; the label can be printed from TikTok Shop Seller Center instead.',
    refused: (status) =>
      labelDownloadError(
        `The label was bought but its file could not be downloaded (HTTP ${status}); TikTok label links expire after about 24 hours.`,
        'Reprint it from History if the file was saved; otherwise a supervisor can print the label from TikTok Shop Seller Center.',
      ),
  });
}
