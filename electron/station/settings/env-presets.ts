/**
 * Environment variables that preset settings for fleet set-up and automation. A preset wins over
 * what was saved in the UI and is shown there as read-only, so a fleet's configuration cannot drift.
 */
import { z } from 'zod';
import { Dpi, HttpUrl, PrinterAddress, ProviderName, type SettingsPatch } from '../../../shared/schemas';
import { describeZodError, StationError } from '../../../shared/rpc';

export interface EnvPresets {
  patch: SettingsPatch;
  locked: Array<{ field: string; variable: string }>;
  /** AFTERSHIP_API_KEY, held in memory only; never written to disk by the station. */
  apiKey?: string;
}

interface PresetSpec {
  variable: string;
  field: string;
  schema: z.ZodType;
  apply(patch: SettingsPatch, value: never): void;
}

const specs: PresetSpec[] = [
  { variable: 'LABEL_STATION_PROVIDER', field: 'provider', schema: ProviderName, apply: (p, v: ProviderName) => void (p.provider = v) },
  { variable: 'AFTERSHIP_BASE_URL', field: 'aftership.baseUrl', schema: HttpUrl, apply: (p, v: string) => void (p.aftership = { baseUrl: v.replace(/\/+$/, '') }) },
  { variable: 'LABEL_STATION_PRINTER', field: 'printer.address', schema: PrinterAddress, apply: (p, v: string) => void (p.printer = { ...p.printer, address: v }) },
  { variable: 'LABEL_STATION_PRINTER_DPI', field: 'printer.dpi', schema: z.coerce.number().pipe(Dpi), apply: (p, v: 203 | 300) => void (p.printer = { ...p.printer, dpi: v }) },
  { variable: 'LABEL_STATION_SANDBOX_LATENCY_MS', field: 'sandbox.latencyMs', schema: z.coerce.number().int().min(0).max(30_000), apply: (p, v: number) => void (p.sandbox = { latencyMs: v }) },
  { variable: 'LABEL_STATION_OPERATOR', field: 'operator', schema: z.string().trim().max(60), apply: (p, v: string) => void (p.operator = v) },
];

export function readEnvPresets(env: Record<string, string | undefined>): EnvPresets {
  const patch: SettingsPatch = {};
  const locked: EnvPresets['locked'] = [];
  for (const spec of specs) {
    const raw = env[spec.variable];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = spec.schema.safeParse(raw.trim());
    if (!parsed.success) {
      throw new StationError(
        'invalid_env',
        `${spec.variable}="${raw}" is not valid: ${describeZodError(parsed.error)}`,
        `Fix or remove ${spec.variable} in the station's environment and start it again.`,
      );
    }
    spec.apply(patch, parsed.data as never);
    locked.push({ field: spec.field, variable: spec.variable });
  }
  const apiKey = env.AFTERSHIP_API_KEY?.trim();
  if (apiKey) locked.push({ field: 'apiKey', variable: 'AFTERSHIP_API_KEY' });
  return apiKey ? { patch, locked, apiKey } : { patch, locked };
}
