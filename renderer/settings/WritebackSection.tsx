/**
 * Settings' write-back section: a Shopify order's fulfillment with the tracking (on or off), where
 * TikTok gets its tracking (from the provider, never twice), the WMS webhooks (name, address,
 * events, a write-only signing secret) and the delivery log with "Retry now".
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { WEBHOOK_EVENT_TITLES, type WritebackView } from '../../shared/domain/writeback';
import type { Problem } from '../../shared/errors';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { useWriteback, writebackKeys } from '../api/writeback';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';
import { DeliveryLogTable } from './DeliveryLogTable';
import { ExportFileForm } from './ExportFileForm';
import { WebhookForm } from './WebhookForm';

type Webhook = WritebackView['webhooks'][number];

export function WritebackSection({ shopifyConnected }: { shopifyConnected: boolean }) {
  const writeback = useWriteback();
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const view = writeback.data;
  const setShopify = async (on: boolean) => {
    try {
      const next = await approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) =>
        station.setShopifyFulfillment({ on, ...(approval && { approval }) }),
      );
      if (next) queryClient.setQueryData(writebackKeys.settings, next);
      setProblem(null);
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <section className="storage-section writeback-section" data-testid="writeback-section">
      <h2>Write-back and webhooks</h2>
      {writeback.isError && <ProblemBox problem={toProblem(writeback.error)} />}
      {view && (
        <>
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={view.shopifyFulfillment}
              onChange={(e) => void setShopify(e.target.checked)}
              data-testid="shopify-fulfillment"
            />
            Mark a Shopify order fulfilled with the tracking number once its label is bought
          </label>
          <p className="section-note">
            {shopifyConnected
              ? 'Only for orders the station found in Shopify. The customer is not e-mailed by Shopify; TikTok Shop tells the buyer.'
              : 'Shopify is not connected (Order sources above): nothing is written back to Shopify.'}{' '}
            TikTok Shop gets the tracking from the provider that made the label (AfterShip, Shipium or TikTok’s own API); the station never
            sends it a second time.
          </p>
          {problem && <ProblemBox problem={problem} />}
          <h3>Webhooks to a WMS</h3>
          {view.webhooks.length === 0 ? (
            <p className="section-note">No webhooks. A WMS can be told of every label bought, printed, failed or needing a check.</p>
          ) : (
            <table className="operators-table webhook-table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Address</th>
                  <th>Events</th>
                  <th>Signing secret</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {view.webhooks.map((webhook) => (
                  <WebhookRow key={webhook.id} webhook={webhook} />
                ))}
              </tbody>
            </table>
          )}
          {adding ? (
            <WebhookForm onDone={() => setAdding(false)} />
          ) : (
            <button className="button" type="button" onClick={() => setAdding(true)} data-testid="add-webhook">
              Add webhook
            </button>
          )}
          <ExportFileForm exportFile={view.exportFile} />
          <DeliveryLogTable />
        </>
      )}
    </section>
  );
}

function WebhookRow({ webhook }: { webhook: Webhook }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const [secret, setSecret] = useState('');
  const [editing, setEditing] = useState(!webhook.secretSet);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (
    words: string,
    call: (approval?: Parameters<typeof station.removeWebhook>[0]['approval']) => Promise<WritebackView>,
  ) => {
    try {
      const next = await approved(words, call);
      if (next) queryClient.setQueryData(writebackKeys.settings, next);
      setProblem(null);
      return next;
    } catch (error) {
      setProblem(toProblem(error));
      return undefined;
    }
  };
  const saveSecret = async () => {
    const value = secret;
    setSecret('');
    const next = await run(SUPERVISOR_ACTION_WORDS.setSecret, (approval) =>
      station.setWebhookSecret({ webhookId: webhook.id, value, ...(approval && { approval }) }),
    );
    if (next) setEditing(false);
  };
  const toggle = () =>
    void run(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) =>
      station.saveWebhook({ webhook: { ...webhook, enabled: !webhook.enabled }, ...(approval && { approval }) }),
    );
  const remove = () =>
    void run(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) =>
      station.removeWebhook({ webhookId: webhook.id, ...(approval && { approval }) }),
    );
  return (
    <tr data-testid="webhook-row" className={webhook.enabled ? '' : 'inactive'}>
      <td>
        <strong>{webhook.name}</strong>
        {!webhook.enabled && <div className="delivery-detail">off</div>}
      </td>
      <td className="mono webhook-address">{webhook.url}</td>
      <td>{webhook.events.map((e) => WEBHOOK_EVENT_TITLES[e]).join(', ')}</td>
      <td>
        {editing ? (
          <div className="apikey-form">
            <input
              type="password"
              className="text-input"
              autoComplete="new-password"
              placeholder="Paste the signing secret (16+ characters)"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              data-testid="webhook-secret-input"
            />
            <button className="button button-small" type="button" onClick={() => void saveSecret()} disabled={secret.trim() === ''}>
              Save secret
            </button>
          </div>
        ) : (
          <span className="key-state key-state-set">
            ✓ Secret is set{' '}
            <button className="button button-small button-secondary" type="button" onClick={() => setEditing(true)}>
              Replace
            </button>
          </span>
        )}
        {!webhook.secretSet && !editing && <span className="field-problem">No secret: nothing is sent.</span>}
        {problem && <ProblemBox problem={problem} />}
      </td>
      <td>
        <div className="operator-actions">
          <button className="button button-small button-secondary" type="button" onClick={toggle} data-testid="toggle-webhook">
            {webhook.enabled ? 'Turn off' : 'Turn on'}
          </button>
          <button className="button button-small button-danger" type="button" onClick={remove} data-testid="remove-webhook">
            Remove
          </button>
        </div>
      </td>
    </tr>
  );
}
