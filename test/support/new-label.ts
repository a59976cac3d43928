import type { HistoryStore, NewLabel } from '../../electron/station/history/history-store';

/** A sandbox label being bought for one order at Packing 1, as the history stores a claim. */
export function newLabel(orderId: string, id = `id-${orderId}`, operator = 'Ana'): NewLabel {
  return {
    request: '{}',
    id,
    orderId,
    parcelKey: '1of1',
    reference: `ls-${orderId}-1of1-g1`,
    provider: 'sandbox',
    sandbox: true,
    generation: 1,
    station: 'Packing 1',
    stationId: 'abcd1234',
    checkUntil: '2030-01-01T00:00:00.000Z',
    operator,
    printer: 'tcp://127.0.0.1:9100',
  };
}

/** Claims `label` in `store` and records it bought on the sandbox with these tracking numbers; its ID. */
export async function writeBought(
  store: HistoryStore,
  label: NewLabel,
  trackingNumbers: string[],
  providerLabelId: string,
): Promise<string> {
  await store.insertBuying(label);
  await store.markBought(label.id, { providerLabelId, trackingNumbers, cost: null, labelUrl: 'sandbox://x' });
  return label.id;
}
