/**
 * TikTok Shop (direct) as a LabelProvider, for shops that authorized the station's own app.
 *
 * Buying follows the 202309 "purchase shipping" flow of US shops: Create Packages
 * (POST /fulfillment/202309/packages with the box's line items, weight and size) buys the label;
 * Get Package Detail gives the tracking number and Get Package Shipping Document
 * (document_type=SHIPPING_LABEL, PDF) the file. Ship Package is not called: in that flow it only
 * schedules a pickup (the "schedule shipping" flow of other regions), which is not the station's job.
 *
 * One request = one package = one label. A label is recognised later by its line items: TikTok
 * packages carry no reference of ours, and a line item can be in only one live package.
 */
import { z } from 'zod';
import { cancelledBeforeSending, validateLabelRequest } from '../label-request';
import { ProviderError, type LabelLookup, type LabelProvider, type LabelRequest, type PurchasedLabel } from '../provider';
import { TikTokApiClient, defaultSleep } from './client';
import { ambiguousCreateError, redact, unavailableError } from './errors';
import {
  alreadyPackagedError,
  boughtButNotFetchedError,
  onePackagePerRequestError,
  orderCancelledError,
  orderNotFoundError,
  orderNotReadyError,
  unknownItemsError,
} from './label-errors';
import { downloadShippingDocument } from './label-download';
import type { TikTokClientOptions } from './options';
import { CANCELLED, fetchOrder, packageIdsOf, type TikTokOrder } from './order-data';
import {
  CreatedPackage,
  PACKAGE_CANCELLED,
  PackageDetail,
  ShippingDocument,
  tiktokDimension,
  tiktokWeight,
  type CreatePackageBody,
} from './package-data';
import { PROVIDER_TITLES } from '../../../../shared/domain/providers';

/** Orders TikTok does not let anyone fulfil yet. */
const NOT_READY = new Set(['UNPAID', 'ON_HOLD']);
/** More packages than this on one order means something is off; refuse to guess. */
const MAX_PACKAGES_LOOKED_AT = 30;

const ItemIds = z.array(z.string().trim().min(1).max(64)).max(500);

export function createTikTokProvider(opts: TikTokClientOptions): LabelProvider {
  const client = new TikTokApiClient(opts);
  const sleep = (ms: number, signal?: AbortSignal) => (opts.sleep ? opts.sleep(ms) : defaultSleep(ms, signal));

  async function create(request: LabelRequest, signal?: AbortSignal): Promise<PurchasedLabel> {
    const { orderId, itemIds, parcel } = checkRequest(request);
    if (signal?.aborted) throw cancelledBeforeSending();
    const order = await fetchOrder(client, orderId, signal);
    if (!order) throw orderNotFoundError(orderId, false);
    const status = order.status ?? '';
    if (status === CANCELLED) throw orderCancelledError(orderId);
    if (NOT_READY.has(status)) throw orderNotReadyError(orderId, status);
    const target = targetItems(order, itemIds);
    for (const existing of await livePackages(order, signal)) {
      const overlap = existing.order_line_item_ids.some((id) => target.includes(id));
      if (overlap) throw alreadyPackagedError(existing.package_id, sameSet(existing.order_line_item_ids, target));
    }
    if (signal?.aborted) throw cancelledBeforeSending();

    const body: CreatePackageBody = {
      order_id: orderId,
      order_line_item_ids: target,
      weight: tiktokWeight(parcel.weight),
      dimension: tiktokDimension(parcel.dimension),
    };
    const data = await client.call({
      method: 'POST',
      path: '/fulfillment/202309/packages',
      body,
      phase: 'create',
      what: 'buying the label',
      signal,
    });
    const created = CreatedPackage.safeParse(data);
    if (!created.success) throw ambiguousCreateError('unreadable', ' (no package ID)');
    const packageId = created.data.package_id;
    try {
      return await labelOf(await packageDetail(packageId, signal), signal);
    } catch (error) {
      throw boughtButNotFetchedError(packageId, asProviderError(error));
    }
  }

  async function find(request: LabelRequest, signal?: AbortSignal): Promise<LabelLookup> {
    const { orderId, itemIds } = checkRequest(request);
    const order = await fetchOrder(client, orderId, signal);
    if (!order) throw orderNotFoundError(orderId, true);
    const target = targetItems(order, itemIds);
    const match = (await livePackages(order, signal)).find((p) => sameSet(p.order_line_item_ids, target));
    if (!match) return { state: 'none' };
    return { state: 'found', label: await labelOf(match, signal) };
  }

  /** The order's packages that still stand (a cancelled package is a lost/damaged one TikTok voided). */
  async function livePackages(order: TikTokOrder, signal?: AbortSignal): Promise<PackageDetail[]> {
    const ids = packageIdsOf(order);
    if (ids.length > MAX_PACKAGES_LOOKED_AT) throw unavailableError(`reading the order’s ${ids.length} packages (too many to check)`);
    const details: PackageDetail[] = [];
    for (const id of ids) details.push(await packageDetail(id, signal));
    return details.filter((p) => p.package_status !== PACKAGE_CANCELLED);
  }

  async function packageDetail(packageId: string, signal?: AbortSignal): Promise<PackageDetail> {
    const data = await client.call({
      method: 'GET',
      path: `/fulfillment/202309/packages/${encodeURIComponent(packageId)}`,
      phase: 'read',
      what: 'reading the package',
      signal,
    });
    const parsed = PackageDetail.safeParse(data);
    if (!parsed.success || parsed.data.package_id !== packageId)
      throw unavailableError('reading the package (the answer could not be read)');
    return parsed.data;
  }

  async function labelOf(pkg: PackageDetail, signal?: AbortSignal): Promise<PurchasedLabel> {
    const data = await client.call({
      method: 'GET',
      path: `/fulfillment/202309/packages/${encodeURIComponent(pkg.package_id)}/shipping_documents`,
      query: { document_type: 'SHIPPING_LABEL' },
      phase: 'read',
      what: 'fetching the shipping label',
      signal,
    });
    const doc = ShippingDocument.safeParse(data);
    if (!doc.success) throw unavailableError('fetching the shipping label (no label address in the answer)');
    const tracking = pkg.tracking_number?.trim() || doc.data.tracking_number?.trim() || '';
    return { providerLabelId: pkg.package_id, trackingNumbers: tracking ? [tracking] : [], cost: null, labelUrl: doc.data.doc_url };
  }

  const scrub = (error: unknown): ProviderError => redact(asProviderError(error), client.secrets());

  return {
    name: 'tiktok',
    title: PROVIDER_TITLES.tiktok,
    sandbox: false,
    capabilities: { tracking: true, void: false, lookup: true, slow: false, boxesPerRequest: 'one' },
    requestTimeoutMs: opts.timeoutMs ?? 30_000,

    async createLabel(request, signal) {
      try {
        return await create(request, signal);
      } catch (error) {
        throw scrub(error);
      }
    },

    async findLabel(request, signal) {
      try {
        return await find(request, signal);
      } catch (error) {
        throw scrub(error);
      }
    },

    async downloadLabel(labelUrl, signal) {
      try {
        return await downloadShippingDocument(labelUrl, {
          fetch: opts.fetch ?? globalThis.fetch,
          timeoutMs: opts.timeoutMs ?? 30_000,
          sleep,
          signal,
          ...(opts.recorder && { recorder: opts.recorder }),
        });
      } catch (error) {
        throw scrub(error);
      }
    },
  };
}

function checkRequest(request: LabelRequest) {
  validateLabelRequest(request);
  if (request.parcels.length !== 1) throw onePackagePerRequestError(request.parcels.length);
  const parcel = request.parcels[0]!;
  const itemIds = ItemIds.safeParse(parcel.itemIds ?? []);
  if (!itemIds.success) {
    throw new ProviderError('invalid_label_request', 'The box’s item list is not valid.', 'Redo the split, then scan again.', false);
  }
  return { orderId: request.orderId, itemIds: [...new Set(itemIds.data)], parcel };
}

/** The box's line items, or every line item still to ship when the box is the whole order. */
function targetItems(order: TikTokOrder, itemIds: string[]): string[] {
  if (itemIds.length === 0) {
    const all = order.line_items.filter((item) => item.display_status !== CANCELLED).map((item) => item.id);
    if (all.length === 0) {
      throw new ProviderError(
        'tiktok_nothing_to_ship',
        `TikTok order ${order.id} has no items left to ship; nothing was bought.`,
        'Check the order in TikTok Shop Seller Center.',
        false,
      );
    }
    return all;
  }
  const known = new Set(order.line_items.map((item) => item.id));
  const unknown = itemIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw unknownItemsError(order.id, unknown);
  return itemIds;
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError(
    'tiktok_unexpected',
    'The station hit an unexpected error while talking to TikTok Shop; a label may or may not have been bought.',
    'Do not scan this order again yet: a supervisor must check the order’s packages in TikTok Shop Seller Center.',
    true,
  );
}
