/**
 * The last deliveries of write-back: each label event, where it went (Shopify, a webhook, or the note
 * that TikTok gets the tracking from the provider), how many tries, its state, and "Retry now" for
 * one waiting or set aside.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { WEBHOOK_EVENT_TITLES, WebhookEvent, type DeliveryLogEntry } from '../../shared/domain/writeback';
import type { Problem } from '../../shared/errors';
import { useDeliveryLog, writebackKeys } from '../api/writeback';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { ProblemBox } from '../ui/ProblemBox';
import { formatTime } from '../ui/format';
import { deliveryStateWords } from './writeback-words';

export function DeliveryLogTable() {
  const log = useDeliveryLog();
  if (log.isError) return <ProblemBox problem={toProblem(log.error)} />;
  const data = log.data;
  if (!data) return <p className="section-note">Loading the delivery log…</p>;
  return (
    <div data-testid="delivery-log">
      <h3>
        Delivery log{' '}
        <span className="delivery-counts">
          {data.pending} waiting · {data.failed} need attention
        </span>
      </h3>
      {data.entries.length === 0 ? (
        <p className="section-note">Nothing sent yet: deliveries appear here once a label is bought.</p>
      ) : (
        <table className="operators-table delivery-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Event</th>
              <th>Order</th>
              <th>To</th>
              <th>Tries</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.entries.map((entry) => (
              <DeliveryRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DeliveryRow({ entry }: { entry: DeliveryLogEntry }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const event = WebhookEvent.safeParse(entry.event);
  const retry = async () => {
    setBusy(true);
    try {
      queryClient.setQueryData(writebackKeys.log, await station.retryDelivery({ deliveryId: entry.id }));
      setProblem(null);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid="delivery-row" className={`delivery-${entry.state}`}>
      <td className="nowrap">{formatTime(entry.occurredAt)}</td>
      <td>{event.success ? WEBHOOK_EVENT_TITLES[event.data] : entry.event}</td>
      <td className="mono">{entry.orderId}</td>
      <td>{entry.destinationName}</td>
      <td>{entry.state === 'through_provider' ? '—' : entry.attempts}</td>
      <td>
        <strong className="delivery-state">{deliveryStateWords(entry)}</strong>
        {(entry.lastError || entry.note) && (
          <div className="delivery-detail">
            {entry.state === 'delivered' || entry.state === 'through_provider' ? entry.note : entry.lastError}
          </div>
        )}
        {problem && <ProblemBox problem={problem} />}
      </td>
      <td>
        {(entry.state === 'failed' || (entry.state === 'pending' && entry.attempts > 0)) && (
          <div className="operator-actions">
            <button className="button button-small" type="button" onClick={() => void retry()} disabled={busy} data-testid="retry-delivery">
              Retry now
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
