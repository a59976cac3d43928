/**
 * Fetches a shipping document from the `doc_url` TikTok hands out. The URL is pre-signed by TikTok
 * (valid about 24 hours), so no app credentials or tokens are sent. Safe to retry.
 */
import { httpExchange } from '../aftership/http';
import { ProviderError } from '../provider';

const MAX_LABEL_BYTES = 25 * 1024 * 1024;
const ATTEMPTS = 3;

export interface DocDownloadOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

export async function downloadShippingDocument(url: string, opts: DocDownloadOptions): Promise<Uint8Array> {
  if (!/^https?:\/\//i.test(url)) {
    throw failed('The label address is not a web address, so the file cannot be downloaded.', 'Reprint it from History; if it is missing, tell a supervisor.');
  }
  let problem = 'no answer';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (attempt > 1) await opts.sleep(400 * 2 ** (attempt - 2), opts.signal);
    if (opts.signal?.aborted) throw cancelled();
    const result = await httpExchange(url, { method: 'GET', headers: { accept: 'application/pdf, image/png, */*' } }, {
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      maxBytes: MAX_LABEL_BYTES,
    });
    if (!result.ok) {
      if (result.failure === 'cancelled') throw cancelled();
      if (result.tooLarge) throw failed('The label file is far too large to be a shipping label.', 'Tell a supervisor; the label can be printed from TikTok Shop Seller Center instead.');
      problem = result.failure === 'unreachable' ? 'the download server could not be reached' : 'the connection failed';
      continue;
    }
    const { status, body } = result.answer;
    if (status >= 200 && status < 300 && body.byteLength > 0) return body;
    if (status >= 200 && status < 300) {
      problem = 'the file was empty';
      continue;
    }
    if (status >= 500 || status === 429) {
      problem = `the download server answered HTTP ${status}`;
      continue;
    }
    throw failed(
      `The label was bought but its file could not be downloaded (HTTP ${status}); TikTok label links expire after about 24 hours.`,
      'Reprint it from History if the file was saved; otherwise a supervisor can print the label from TikTok Shop Seller Center.',
    );
  }
  throw failed(`The label was bought but its file could not be downloaded: ${problem}.`, "Check the station's internet connection, then reprint the label from History.");
}

function failed(message: string, nextStep: string): ProviderError {
  return new ProviderError('label_download_failed', message, nextStep, false);
}

function cancelled(): ProviderError {
  return new ProviderError('label_download_cancelled', 'The label download was cancelled.', 'Reprint the label from History.', false);
}
