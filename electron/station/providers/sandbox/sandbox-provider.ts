/**
 * The embedded sandbox provider: the default when no real account is set up. It answers like
 * AfterShip's label API (same label object) and draws a realistic but unmistakably fake 4x6 label.
 * Same order -> same tracking number; nothing leaves the machine.
 */
import type { LabelLookup, LabelProvider, LabelRequest, PurchasedLabel } from '../provider';
import { ProviderError } from '../provider';
import { cancelledBeforeSending, validateLabelRequest } from '../label-request';
import { abortableSleep } from '../http/sleep';
import type { AfterShipLabelData } from '../aftership/label-data';
import {
  orderIdFromSandboxLabelId,
  sandboxLabelId,
  sandboxLabelIdFromUrl,
  sandboxLabelUrl,
  sandboxTrackingNumber,
} from './sandbox-identity';
import { renderSandboxLabelPdf } from './sandbox-label-pdf';
import { createSandboxLedger, type SandboxLedgerEntry } from './sandbox-ledger';
import { PROVIDER_TITLES } from '../../../../shared/domain/providers';

export interface SandboxProviderOptions {
  /** Simulated answer time of the label API, in ms (0 by default). */
  latencyMs?: number;
  now?: () => Date;
  /**
   * Where the sandbox keeps the ledger of the labels it sold (the station's data dir), so that
   * findLabel still knows them after a restart. Without it the ledger lives in memory only.
   */
  ledgerDir?: string;
}

export function createSandboxProvider(opts: SandboxProviderOptions = {}): LabelProvider {
  const latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const now = opts.now ?? (() => new Date());
  const ledger = createSandboxLedger(opts.ledgerDir);

  async function answerTime(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelledBeforeSending();
    if (latencyMs > 0) await abortableSleep(latencyMs, signal).catch(() => Promise.reject(cancelledBeforeSending()));
  }

  return {
    name: 'sandbox',
    title: PROVIDER_TITLES.sandbox,
    sandbox: true,
    capabilities: { tracking: true, void: false, lookup: true, slow: false, boxesPerRequest: 'all' },
    // The sandbox always answers; a station waiting on it waits its latency and a margin.
    requestTimeoutMs: latencyMs + 1000,

    async createLabel(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel> {
      const valid = validateLabelRequest(request);
      await answerTime(signal);
      // Same order and reference: the same label, as the ids are derived from them.
      const sold = ledger.find(valid.orderId, valid.reference);
      if (sold) return labelOf(sold);
      const date = now();
      const data = buildSandboxLabelData(valid, date);
      const entry: SandboxLedgerEntry = {
        orderId: valid.orderId,
        reference: valid.reference,
        labelId: data.id,
        trackingNumbers: data.tracking_numbers ?? [],
        parcels: valid.parcels.map((p) => ({ dimension: p.dimension, weight: p.weight, itemIds: p.itemIds ?? [] })),
        createdAt: date.toISOString(),
      };
      ledger.add(entry);
      return labelOf(entry);
    },

    async findLabel(request: LabelRequest, signal?: AbortSignal): Promise<LabelLookup> {
      const valid = validateLabelRequest(request);
      await answerTime(signal);
      const sold = ledger.find(valid.orderId, valid.reference);
      return sold ? { state: 'found', label: labelOf(sold) } : { state: 'none' };
    },

    async downloadLabel(labelUrl: string, signal?: AbortSignal): Promise<Uint8Array> {
      const id = sandboxLabelIdFromUrl(labelUrl);
      const orderId = id ? orderIdFromSandboxLabelId(id) : null;
      if (!id || !orderId) {
        throw new ProviderError(
          'label_url_invalid',
          'This label address is not a sandbox label, so the sandbox cannot produce the file.',
          'Reprint it from History, or switch the provider in Settings back to the one that bought it.',
          false,
        );
      }
      if (signal?.aborted)
        throw new ProviderError('label_download_cancelled', 'The label download was cancelled.', 'Reprint the label from History.', false);
      const sold = ledger.findByLabelId(id);
      const input = sold
        ? { orderId, trackingNumbers: sold.trackingNumbers, parcels: sold.parcels, labelId: id, date: new Date(sold.createdAt) }
        : // Not in this ledger (sold before a restart without a ledger dir): one page, redrawn from the id.
          { orderId, trackingNumbers: [sandboxTrackingNumber(orderId, 0)], parcels: null, labelId: id, date: now() };
      return new Uint8Array(await renderSandboxLabelPdf(input));
    },
  };
}

function labelOf(entry: SandboxLedgerEntry): PurchasedLabel {
  return {
    providerLabelId: entry.labelId,
    trackingNumbers: [...entry.trackingNumbers],
    cost: { amount: 0, currency: 'USD' },
    labelUrl: sandboxLabelUrl(entry.labelId),
  };
}

/** The AfterShip-shaped label object the sandbox "API" answers with. */
export function buildSandboxLabelData(request: LabelRequest, date: Date): AfterShipLabelData {
  const id = sandboxLabelId(request.orderId, request.reference);
  return {
    id,
    status: 'created',
    tracking_numbers: request.parcels.map((_, index) => sandboxTrackingNumber(request.orderId, index)),
    files: { label: { paper_size: '4x6', url: sandboxLabelUrl(id), file_type: 'pdf' } },
    rate: { total_charge: { amount: 0, currency: 'USD' }, error_message: null },
    order_id: request.orderId,
    references: [request.reference],
    created_at: date.toISOString(),
    ship_date: date.toISOString().slice(0, 10),
  };
}
