import { type PrinterSettings, type PrinterSetup } from '../../../shared/domain/printers';
import { Settings, type SettingsPatch } from '../../../shared/domain/settings';

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
    printers: patchDefaultPrinter(patch.printers ?? base.printers, patch.printer),
    defaultParcel: { ...base.defaultParcel, ...patch.defaultParcel },
    sandbox: { ...base.sandbox, ...patch.sandbox },
    operators: { ...base.operators, ...patch.operators },
    boxPresets: patch.boxPresets ?? base.boxPresets,
    packing: { ...base.packing, ...patch.packing },
    scale: patch.scale ?? base.scale,
    storage: { ...base.storage, ...patch.storage },
    labelDownload: { ...base.labelDownload, ...patch.labelDownload },
    systemsApi: { ...base.systemsApi, ...patch.systemsApi },
    exports: { ...base.exports, ...patch.exports },
  });
}

/** `printer` in a patch (environment presets) changes the default printer only. */
function patchDefaultPrinter(setup: PrinterSetup, printer: Partial<PrinterSettings> | undefined): PrinterSetup {
  if (!printer) return setup;
  return { ...setup, list: setup.list.map((p) => (p.id === setup.defaultId ? { ...p, ...printer } : p)) };
}
