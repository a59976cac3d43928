/** What the top bar shows: version, provider (and whether it is the SANDBOX), the default printer. */
import type { StationInfo } from '../../../shared/contract';
import { defaultPrinter } from '../../../shared/domain/printers';
import { PROVIDER_TITLES } from '../../../shared/domain/providers';
import type { ProviderCapabilities, ProviderFactory } from '../providers';
import type { SettingsService } from '../settings';
import { STATION_VERSION } from './version';

/** Shown while the chosen provider is not configured yet (the scan will say what is missing). */
const UNCONFIGURED_CAPABILITIES: ProviderCapabilities = { tracking: true, void: false, lookup: true, slow: false, boxesPerRequest: 'all' };

export function stationInfo(
  settings: SettingsService,
  providers: ProviderFactory,
  dataDir: string,
  shell: StationInfo['shell'],
): Omit<StationInfo, 'database' | 'stationName' | 'historyCompleteSince'> {
  const current = settings.current();
  let capabilities = UNCONFIGURED_CAPABILITIES;
  try {
    capabilities = providers.forSettings(current).capabilities;
  } catch {
    // Not configured yet: the scan will say so; the info screen still shows which provider is chosen.
  }
  const printer = defaultPrinter(current.printers);
  return {
    version: STATION_VERSION,
    provider: current.provider,
    providerTitle: PROVIDER_TITLES[current.provider],
    sandbox: current.provider === 'sandbox',
    capabilities,
    printer: printer.address,
    printerName: printer.name,
    dataDir,
    shell,
  };
}
