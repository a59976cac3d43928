/** A print-queue refusal worded for a packer: what happened and what to do next. */
import { StationError } from '../../../../shared/errors';

export type PrintQueueErrorCode =
  'job_not_found' | 'job_cancelled' | 'job_already_done' | 'job_sending' | 'job_not_held' | 'queue_stopped' | 'invalid_print_job';

export class PrintQueueError extends StationError {
  constructor(
    override readonly code: PrintQueueErrorCode,
    message: string,
    nextStep: string,
  ) {
    super(code, message, nextStep);
    this.name = 'PrintQueueError';
  }
}
