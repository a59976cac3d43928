/**
 * The embedded sandbox provider: the default when no real account is set up. It answers like
 * AfterShip's label API (same label object) and draws a realistic but unmistakably fake 4x6 label.
 * Same order -> same tracking number; nothing leaves the machine.
 */
import type { LabelProvider, LabelRequest, PurchasedLabel } from '../provider';
import { ProviderError } from '../provider';
import { cancelledBeforeSending, validateLabelRequest } from '../label-request';
import { toPurchasedLabel, type AfterShipLabelData } from '../aftership/label-data';
import {
  orderIdFromSandboxLabelId,
  sandboxLabelId,
  sandboxLabelIdFromUrl,
  sandboxLabelUrl,
  sandboxTrackingNumber,
} from './sandbox-identity';
import { renderSandboxLabelPdf, type SandboxLabelInput } from './sandbox-label-pdf';

export interface SandboxProviderOptions {
  /** Simulated answer time of the label API, in ms (0 by default). */
  latencyMs?: number;
  now?: () => Date;
}

/** Enough recent labels to re-render exactly; older ones are re-rendered from the label id. */
const REMEMBERED_LABELS = 500;

export function createSandboxProvider(opts: SandboxProviderOptions = {}): LabelProvider {
  const latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const now = opts.now ?? (() => new Date());
  const remembered = new Map<string, SandboxLabelInput>();

  function remember(id: string, input: SandboxLabelInput): void {
    remembered.delete(id);
    remembered.set(id, input);
    if (remembered.size > REMEMBERED_LABELS) remembered.delete(remembered.keys().next().value!);
  }

  return {
    name: 'sandbox',
    title: 'Sandbox (no real labels)',
    sandbox: true,

    async createLabel(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel> {
      const valid = validateLabelRequest(request);
      if (signal?.aborted) throw cancelledBeforeSending();
      if (latencyMs > 0) await sleep(latencyMs, signal);
      const date = now();
      const data = buildSandboxLabelData(valid, date);
      const label = toPurchasedLabel(data);
      if (!label) throw new Error('sandbox built an incomplete label');
      remember(data.id, {
        orderId: valid.orderId,
        trackingNumbers: label.trackingNumbers,
        parcels: valid.parcels,
        labelId: data.id,
        date,
      });
      return label;
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
      if (signal?.aborted) throw new ProviderError('label_download_cancelled', 'The label download was cancelled.', 'Reprint the label from History.', false);
      const input = remembered.get(id) ?? {
        orderId,
        trackingNumbers: [sandboxTrackingNumber(orderId, 0)],
        parcels: null,
        labelId: id,
        date: now(),
      };
      return new Uint8Array(await renderSandboxLabelPdf(input));
    },
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

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledBeforeSending());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
