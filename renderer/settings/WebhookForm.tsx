/** Adding a WMS webhook: its name, https address and the events it wants. Its signing secret is set after, write-only. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { WEBHOOK_EVENT_TITLES, WEBHOOK_EVENTS, type WebhookEvent } from '../../shared/domain/writeback';
import type { Problem } from '../../shared/errors';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { writebackKeys } from '../api/writeback';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';

export function WebhookForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (event: WebhookEvent) => setEvents((now) => (now.includes(event) ? now.filter((e) => e !== event) : [...now, event]));
  const submit = async () => {
    setBusy(true);
    try {
      const view = await approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) =>
        station.saveWebhook({ webhook: { name, url, events, enabled: true }, ...(approval && { approval }) }),
      );
      if (!view) return;
      queryClient.setQueryData(writebackKeys.settings, view);
      onDone();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="operator-form webhook-form" data-testid="webhook-form">
      <div className="operator-form-grid">
        <label>
          Name
          <input
            className="text-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Main WMS"
            data-testid="webhook-name"
          />
        </label>
        <label className="webhook-url">
          Address (https://)
          <input className="text-input" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" />
        </label>
      </div>
      <fieldset className="webhook-events">
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="checkbox-row">
            <input type="checkbox" checked={events.includes(event)} onChange={() => toggle(event)} data-testid={`webhook-event-${event}`} />
            {WEBHOOK_EVENT_TITLES[event]} <code>{event}</code>
          </label>
        ))}
      </fieldset>
      {problem && <ProblemBox problem={problem} />}
      <div className="operator-actions webhook-form-actions">
        <button className="button" type="button" onClick={() => void submit()} disabled={busy} data-testid="save-webhook">
          {busy ? 'Saving…' : 'Add webhook'}
        </button>
        <button className="button button-secondary" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
