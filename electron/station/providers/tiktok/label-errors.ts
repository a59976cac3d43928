/** Refusals and half-done states of a TikTok label purchase, worded for the packer. */
import { ProviderError } from '../provider';
import { SUPERVISOR_CHECK } from './errors';

export function orderNotFoundError(orderId: string, lookingUp: boolean): ProviderError {
  return new ProviderError(
    'tiktok_order_not_found',
    `TikTok Shop does not know order ${orderId} in this shop; ${lookingUp ? 'the station cannot tell whether a label exists' : 'nothing was bought'}.`,
    'Check that the scan is the 18-digit TikTok order ID of the shop set up in Settings, then scan again.',
    lookingUp,
  );
}

export function orderCancelledError(orderId: string): ProviderError {
  return new ProviderError(
    'order_cancelled',
    `Order ${orderId} is cancelled in TikTok Shop; no label was bought.`,
    'Do not ship this parcel: put it aside for restocking and tell a supervisor.',
    false,
  );
}

export function orderNotReadyError(orderId: string, status: string): ProviderError {
  return new ProviderError(
    'tiktok_order_not_ready',
    `Order ${orderId} is not ready to ship yet in TikTok Shop (status ${status}); nothing was bought.`,
    'Put the parcel aside and scan it again later (TikTok Shop holds new orders for about an hour).',
    false,
  );
}

export function onePackagePerRequestError(count: number): ProviderError {
  return new ProviderError(
    'tiktok_one_package_per_label',
    `TikTok Shop buys one label per package, but this request has ${count} boxes; nothing was bought.`,
    'Scan the order again; if it keeps happening, tell a supervisor.',
    false,
  );
}

export function unknownItemsError(orderId: string, ids: string[]): ProviderError {
  return new ProviderError(
    'tiktok_unknown_items',
    `The box lists items that are not in TikTok order ${orderId} (${ids.slice(0, 3).join(', ')}); nothing was bought.`,
    'Redo the split from the order’s items, then scan again.',
    false,
  );
}

export function alreadyPackagedError(packageId: string, exact: boolean): ProviderError {
  return exact
    ? new ProviderError(
        'tiktok_label_exists',
        `TikTok Shop already has a label for these items (package ${packageId}); nothing new was bought.`,
        'Do not buy again: reprint it from History, or ask a supervisor to look the order up.',
        false,
      )
    : new ProviderError(
        'tiktok_items_in_other_package',
        `Some of these items are already in another TikTok Shop package (package ${packageId}); nothing was bought.`,
        'Each item can be in only one box: check the split against History, then scan again.',
        false,
      );
}

/** The package (= the label) exists, but its file or tracking could not be fetched yet. */
export function boughtButNotFetchedError(packageId: string, cause: ProviderError): ProviderError {
  return new ProviderError(
    'tiktok_label_not_fetched',
    `TikTok Shop bought the label (package ${packageId}) but the station could not fetch its file and tracking number yet.`,
    SUPERVISOR_CHECK,
    true,
    cause.retryAfterMs,
  );
}
