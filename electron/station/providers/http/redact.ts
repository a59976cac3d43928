/** Keeps secrets (API keys, app secrets, tokens) out of the words a packer and the logs see. */
import { ProviderError } from '../provider';

/** Replaces every occurrence of each non-empty secret in a ProviderError's words with [hidden]. */
export function redactSecrets(error: ProviderError, secrets: readonly string[]): ProviderError {
  const leaks = secrets.filter((s) => s !== '' && (error.message.includes(s) || error.nextStep.includes(s)));
  if (leaks.length === 0) return error;
  const scrub = (text: string) => leaks.reduce((acc, s) => acc.split(s).join('[hidden]'), text);
  return new ProviderError(error.code, scrub(error.message), scrub(error.nextStep), error.ambiguous, error.retryAfterMs);
}
