/**
 * Fetches a bought label's file. The file sits on a download host, not the API: the API key is
 * never sent. Downloading is idempotent, so network failures and 5xx are retried a few times.
 */
import { ProviderError } from '../provider';
import { httpExchange } from './http';
import { jitteredBackoff, type Sleep } from './sleep';

export interface DownloadOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  sleep: Sleep;
  random: () => number;
  signal?: AbortSignal;
}

const MAX_LABEL_BYTES = 25 * 1024 * 1024;

export async function downloadLabelFile(labelUrl: string, opts: DownloadOptions): Promise<Uint8Array> {
  if (!/^https?:\/\//i.test(labelUrl)) {
    throw downloadError('The label address is not a web address, so the file cannot be downloaded.', 'Reprint it from History; if it is missing, tell a supervisor.');
  }
  let lastProblem = 'no answer';
  for (let attempt = 1; attempt <= opts.attempts; attempt++) {
    if (attempt > 1) {
      try {
        await opts.sleep(jitteredBackoff(attempt - 1, opts.backoffMs, opts.random), opts.signal);
      } catch {
        throw cancelled();
      }
    }
    const result = await httpExchange(labelUrl, { method: 'GET', headers: { accept: 'application/pdf, application/zpl, image/png, */*' } }, {
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      maxBytes: MAX_LABEL_BYTES,
    });
    if (!result.ok) {
      if (result.failure === 'cancelled') throw cancelled();
      if (result.tooLarge) throw downloadError('The label file is far too large to be a shipping label.', 'Tell a supervisor; the label can be downloaded from AfterShip instead.');
      lastProblem = result.failure === 'unreachable' ? 'the download server could not be reached' : 'the connection failed';
      continue;
    }
    const { status, body } = result.answer;
    if (status >= 200 && status < 300) {
      if (body.byteLength === 0) {
        lastProblem = 'the file was empty';
        continue;
      }
      return body;
    }
    if (status >= 500 || status === 429) {
      lastProblem = `the download server answered HTTP ${status}`;
      continue;
    }
    throw downloadError(
      `The label was bought but its file could not be downloaded (HTTP ${status}).`,
      'Try the reprint from History in a minute; if it still fails, a supervisor can download the label from AfterShip.',
    );
  }
  throw downloadError(
    `The label was bought but its file could not be downloaded: ${lastProblem}.`,
    "Check the station's internet connection, then reprint the label from History.",
  );
}

function downloadError(message: string, nextStep: string): ProviderError {
  return new ProviderError('label_download_failed', message, nextStep, false);
}

function cancelled(): ProviderError {
  return new ProviderError('label_download_cancelled', 'The label download was cancelled.', 'Reprint the label from History.', false);
}
