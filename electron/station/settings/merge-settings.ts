import { Settings, type SettingsPatch } from '../../../shared/schemas';

/** Applies a partial update section by section; the result is validated as a whole. */
export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  return Settings.parse({
    ...base,
    ...(patch.provider !== undefined && { provider: patch.provider }),
    ...(patch.operator !== undefined && { operator: patch.operator }),
    ...(patch.ordersFile !== undefined && { ordersFile: patch.ordersFile }),
    aftership: { ...base.aftership, ...patch.aftership },
    tiktok: { ...base.tiktok, ...patch.tiktok },
    shipium: { ...base.shipium, ...patch.shipium },
    shopify: { ...base.shopify, ...patch.shopify },
    printer: { ...base.printer, ...patch.printer },
    defaultParcel: { ...base.defaultParcel, ...patch.defaultParcel },
    sandbox: { ...base.sandbox, ...patch.sandbox },
  });
}
