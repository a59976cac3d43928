import type { Settings } from '../../../shared/schemas';

export const AFTERSHIP_PRODUCTION_URL = 'https://api.aftership.com/postmen/v3';

export const DEFAULT_SETTINGS: Settings = {
  provider: 'sandbox',
  aftership: { baseUrl: AFTERSHIP_PRODUCTION_URL },
  printer: { address: 'tcp://127.0.0.1:9100', dpi: 203 },
  defaultParcel: {
    dimension: { width: 8, height: 4, depth: 6, unit: 'in' },
    weight: { value: 1, unit: 'lb' },
  },
  operator: '',
  sandbox: { latencyMs: 300 },
};
