/**
 * Finds the label bought for a request by its reference: GET /labels?s=<reference> over the last
 * `lookupDays` days (AfterShip's default window is 24 h), following next_token pages. `s` is a
 * partial match, so only labels whose references contain the reference exactly count.
 * Anything short of a complete, readable answer throws: "none" must be AfterShip's word.
 */
import type { LabelLookup, LabelRequest, PurchasedLabel } from '../provider';
import type { ApiClient } from './api-client';
import { META_OK, parseEnvelope } from './envelope';
import { bodyText } from '../http/exchange';
import { AfterShipLabelData, toPurchasedLabel } from './label-data';
import { AfterShipLabelPage, afterShipDate, referencesOf } from './label-list';
import { lookupCancelled, lookupCancelling, lookupFailed, lookupRefused, lookupUnauthorized } from './lookup-errors';

export interface LookupDeps {
  api: ApiClient;
  poll(
    labelId: string,
    signal?: AbortSignal,
  ): Promise<{ state: 'created'; label: PurchasedLabel } | { state: 'failed'; reason: string | null }>;
  now: () => Date;
  lookupDays: number;
}

const PAGE_SIZE = '50';
const MAX_PAGES = 10;
const DONE = new Set(['created', 'manifesting', 'manifested']);

export async function findLabelByReference(request: LabelRequest, deps: LookupDeps, signal?: AbortSignal): Promise<LabelLookup> {
  const matches = await searchByReference(request, deps, signal);
  const live = matches.filter((label) => label.status !== 'failed' && label.status !== 'cancelled');

  const done = live.filter((label) => DONE.has(label.status)).sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? ''));
  if (done.length > 0) {
    const label = toPurchasedLabel(done[0]!);
    if (!label) throw lookupFailed(`AfterShip lists label ${done[0]!.id} for this order without a label file or tracking number`);
    return { state: 'found', label };
  }
  const cancelling = live.find((label) => label.status === 'cancelling');
  if (cancelling) throw lookupCancelling(cancelling.id);
  for (const creating of live.filter((label) => label.status === 'creating')) {
    const polled = await deps.poll(creating.id, signal);
    if (polled.state === 'created') return { state: 'found', label: polled.label };
  }
  return { state: 'none' };
}

async function searchByReference(request: LabelRequest, deps: LookupDeps, signal?: AbortSignal): Promise<AfterShipLabelData[]> {
  const since = new Date(deps.now().getTime() - deps.lookupDays * 86_400_000);
  const query: Record<string, string> = { s: request.reference, created_at_min: afterShipDate(since), limit: PAGE_SIZE };
  const matches: AfterShipLabelData[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const outcome = await deps.api.call({ method: 'GET', path: '/labels', query }, signal);
    if (outcome.kind === 'cancelled-while-waiting' || (outcome.kind === 'failed' && outcome.failure === 'cancelled'))
      throw lookupCancelled();
    if (outcome.kind === 'rate-limited') throw lookupFailed('AfterShip is rate limiting this account right now');
    if (outcome.kind === 'failed')
      throw lookupFailed(outcome.failure === 'unreachable' ? 'AfterShip cannot be reached' : 'the connection to AfterShip failed');
    const { status } = outcome.answer;
    if (status === 401 || status === 403) throw lookupUnauthorized();
    if (status >= 500) throw lookupFailed(`AfterShip had an internal error (HTTP ${status})`);
    const envelope = parseEnvelope(bodyText(outcome.answer));
    if (!envelope) throw lookupFailed(`AfterShip answered something unreadable (HTTP ${status})`);
    if (envelope.meta.code === 401) throw lookupUnauthorized();
    if (envelope.meta.code !== META_OK) throw lookupRefused(envelope.meta);
    const data = AfterShipLabelPage.safeParse(envelope.data);
    if (!data.success) throw lookupFailed('AfterShip’s list of labels is unreadable');

    for (const raw of data.data.labels ?? []) {
      if (!referencesOf(raw).includes(request.reference)) continue;
      const label = AfterShipLabelData.safeParse(raw);
      if (!label.success) throw lookupFailed('a label AfterShip lists for this order is unreadable');
      if (label.data.order_id && label.data.order_id !== request.orderId) continue;
      matches.push(label.data);
    }
    const next = data.data.next_token?.trim();
    if (!next) return matches;
    query.next_token = next;
  }
  throw lookupFailed(`more than ${MAX_PAGES} pages of labels match this order's reference`);
}
