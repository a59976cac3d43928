/** The words the write-back section uses for a delivery's state. */
import type { DeliveryLogEntry } from '../../shared/domain/writeback';
import { formatTime } from '../ui/format';

export function deliveryStateWords(entry: DeliveryLogEntry): string {
  switch (entry.state) {
    case 'delivered':
      return 'Delivered';
    case 'through_provider':
      return 'Through the provider';
    case 'failed':
      return 'Failed — needs attention';
    case 'pending':
      return entry.attempts === 0
        ? 'Waiting to send (in order)'
        : `Retrying (next try ${entry.nextTryAt ? formatTime(entry.nextTryAt) : 'soon'})`;
  }
}
