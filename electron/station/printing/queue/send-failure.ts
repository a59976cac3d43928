/** Words for a failed send, for the job's last_error and the printer's 'retrying' message. */
import { StationError } from '../../../../shared/errors';

export class ShortWriteError extends Error {
  constructor(written: number, size: number) {
    super(`The printer took only ${written} of ${size} bytes of the label.`);
    this.name = 'ShortWriteError';
  }
}

export function describeSendFailure(error: unknown): string {
  // A StationError's message is already written for a packer; its next step ("reprint from
  // History") does not apply here because the queue retries by itself.
  if (error instanceof StationError || error instanceof ShortWriteError) return error.message;
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : '';
  return `The label could not be sent to the printer${detail}.`;
}
