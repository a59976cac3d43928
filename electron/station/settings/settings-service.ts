/** The station's settings: saved values, over defaults, under environment presets. Secrets stay here. */
import { isPrinterDevicePath, type PrinterSettings } from '../../../shared/domain/printers';
import { SecretName, Settings, type PublicSettings, type SettingsPatch } from '../../../shared/domain/settings';
import { StationError } from '../../../shared/errors';
import type { KeyValueStore, SecretStore } from './stores';
import type { TikTokTokens } from '../../../shared/domain/providers';
import { defaultPrinter } from '../../../shared/domain/printers';
import { DEFAULT_PRINTER, DEFAULT_SETTINGS } from './defaults';
import type { EnvPresets } from './env-presets';
import { mergeSettings } from './merge-settings';
import {
  checkProviderUrl,
  ENDPOINT_FIELDS,
  ENDPOINT_SECRET,
  OFFICIAL_EXAMPLE,
  endpointUrls,
  urlHost,
  type ProviderEndpoint,
  type SecretBinding,
} from '../../../shared/domain/provider-hosts';

const SETTINGS_KEY = 'settings';
const TIKTOK_TOKENS = 'tiktokTokens';
/** For each endpoint, the host its secret was entered for (not a secret: a host name). */
const SECRET_HOSTS = 'secretHosts';

export class SettingsService {
  private saved: Settings;

  constructor(
    private readonly store: KeyValueStore,
    private readonly secretStore: SecretStore,
    private readonly presets: EnvPresets,
    log: (line: string) => void = () => {},
  ) {
    const raw = store.get(SETTINGS_KEY);
    // Settings saved by an older station lack newer sections: fill them from the defaults.
    const stored = Settings.safeParse(raw && typeof raw === 'object' ? mergeDefaults(raw as Record<string, unknown>) : raw);
    if (!stored.success && raw !== undefined) {
      log('saved settings were unreadable; starting from defaults (the old file is left untouched until the next save)');
    }
    this.saved = stored.success ? stored.data : DEFAULT_SETTINGS;
  }

  /** Effective settings: what was saved, with environment presets on top. */
  current(): Settings {
    return mergeSettings(this.saved, this.presets.patch);
  }

  update(patch: SettingsPatch): Settings {
    const effective = this.current();
    const wanted = mergeSettings(effective, patch);
    const lockedField = this.presets.locked.find(
      ({ field }) => !isSecretField(field) && fieldValue(wanted, field) !== fieldValue(effective, field),
    );
    if (lockedField) {
      throw new StationError(
        'locked_by_env',
        `This station's ${lockedField.field} is set by ${lockedField.variable} and cannot be changed here.`,
        `Ask whoever manages the station fleet to change ${lockedField.variable}.`,
        { [lockedField.field]: [`Set by ${lockedField.variable}`] },
      );
    }
    const cleared = secretsToClear(effective, wanted);
    this.saved = keepSavedUnderPresets(this.saved, mergeSettings(this.saved, patch), this.presets.locked);
    this.store.set(SETTINGS_KEY, this.saved);
    // A key must never follow its provider's address to another host: it is entered again there.
    for (const name of cleared) {
      this.secretStore.delete(name);
      if (name === 'tiktokAppSecret') this.secretStore.delete(TIKTOK_TOKENS);
    }
    return this.current();
  }

  /** Where the secret of this endpoint was entered (or whether the environment presets it). */
  secretBinding(endpoint: ProviderEndpoint): SecretBinding {
    const name = ENDPOINT_SECRET[endpoint];
    const hosts = this.store.get(SECRET_HOSTS);
    const host = hosts && typeof hosts === 'object' ? (hosts as Record<string, unknown>)[endpoint] : undefined;
    return { fromEnv: this.presets.secrets[name] !== undefined, host: typeof host === 'string' ? host : undefined };
  }

  secret(name: SecretName): string | undefined {
    return this.presets.secrets[name] ?? this.secretStore.get(name);
  }

  setSecret(name: SecretName, value: string): void {
    this.refuseIfSecretLocked(name);
    this.secretStore.set(name, value);
    this.bindSecret(name);
  }

  /** Remembers the hosts the secret was entered for: only there may it be sent. */
  private bindSecret(name: SecretName): void {
    const saved = this.store.get(SECRET_HOSTS);
    const hosts: Record<string, string> = saved && typeof saved === 'object' ? { ...(saved as Record<string, string>) } : {};
    const urls = endpointUrls(this.current());
    for (const endpoint of Object.keys(urls) as ProviderEndpoint[]) {
      if (ENDPOINT_SECRET[endpoint] !== name) continue;
      const host = urlHost(urls[endpoint]);
      if (host) hosts[endpoint] = host;
      else delete hosts[endpoint];
    }
    this.store.set(SECRET_HOSTS, hosts);
  }

  clearSecret(name: SecretName): void {
    this.refuseIfSecretLocked(name);
    this.secretStore.delete(name);
  }

  /** Every secret value the station holds (keys, app secret, TikTok tokens): what the log hides. */
  secretValues(): string[] {
    const tokens = this.tiktokTokens();
    const values = SecretName.options.map((name) => this.secret(name));
    return [...values, tokens?.accessToken, tokens?.refreshToken].filter((v): v is string => typeof v === 'string' && v !== '');
  }

  tiktokTokens(): TikTokTokens | undefined {
    const raw = this.secretStore.get(TIKTOK_TOKENS);
    if (raw) return JSON.parse(raw) as TikTokTokens;
    if (this.presets.tiktokRefreshToken) {
      // Fleet set-up hands over only a refresh token: the provider refreshes before its first call.
      return {
        accessToken: '',
        accessTokenExpiresAt: new Date(0).toISOString(),
        refreshToken: this.presets.tiktokRefreshToken,
        refreshTokenExpiresAt: null,
        shopName: null,
      };
    }
    return undefined;
  }

  saveTikTokTokens(tokens: TikTokTokens): void {
    this.secretStore.set(TIKTOK_TOKENS, JSON.stringify(tokens));
  }

  publicView(): PublicSettings {
    const tokens = this.tiktokTokens();
    const secrets = Object.fromEntries(SecretName.options.map((name) => [name, this.secret(name) !== undefined])) as Record<
      SecretName,
      boolean
    >;
    return {
      ...this.current(),
      secrets,
      tiktokAuthorization: {
        authorized: tokens !== undefined,
        accessTokenExpiresAt: tokens?.accessToken ? tokens.accessTokenExpiresAt : null,
        shopName: tokens?.shopName ?? null,
      },
      lockedByEnv: this.presets.locked,
    };
  }

  private refuseIfSecretLocked(name: SecretName): void {
    const locked = this.presets.locked.find((l) => l.field === `secrets.${name}`);
    if (locked) {
      throw new StationError(
        'locked_by_env',
        `This secret is set by ${locked.variable} on this station.`,
        'Ask whoever manages the station fleet to change it.',
      );
    }
  }
}

/**
 * Settings saved by an older station, with the sections and fields it did not know yet taken from the
 * defaults. Not conf's / electron-store's `defaults` option: they merge only top-level keys
 * (`Object.assign(defaults, file)`), and all settings live under one key, so a saved object would hide
 * every newer default inside it.
 */
function mergeDefaults(saved: Record<string, unknown>): Record<string, unknown> {
  const raw = migrateFilePaths(migrateSinglePrinter(saved));
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...raw };
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    // A list (the box presets) is saved whole: merged item by item it would stop being a list.
    if (value && typeof value === 'object' && !Array.isArray(value) && raw[key] && typeof raw[key] === 'object') {
      merged[key] = { ...value, ...(raw[key] as object) };
    }
  }
  return merged;
}

/**
 * Stations before issue 13 accepted any absolute path as a printer: a path that is no printer device
 * becomes an explicit capture file (`file:…`), which prints only where capture files are switched on,
 * so the rest of the settings stay readable and the packer is told what to fix.
 */
function migrateFilePaths(raw: Record<string, unknown>): Record<string, unknown> {
  const printers = raw.printers as { list?: unknown } | undefined;
  if (!printers || !Array.isArray(printers.list)) return raw;
  const list = printers.list.map((p: unknown) => {
    if (!p || typeof p !== 'object') return p;
    const address = (p as { address?: unknown }).address;
    if (typeof address !== 'string') return p;
    const text = address.trim();
    const isPath = /^(\/|[A-Za-z]:\\)/.test(text);
    return isPath && !isPrinterDevicePath(text) ? { ...p, address: `file:${text}` } : p;
  });
  return { ...raw, printers: { ...printers, list } };
}

/** Stations before multi-printer support saved one `printer`: it becomes the default of a one-printer list. */
function migrateSinglePrinter(raw: Record<string, unknown>): Record<string, unknown> {
  const { printer, ...rest } = raw;
  if (rest.printers !== undefined || !printer || typeof printer !== 'object') return rest;
  return { ...rest, printers: { defaultId: DEFAULT_PRINTER.id, list: [{ ...DEFAULT_PRINTER, ...(printer as object) }] } };
}

/**
 * The Settings screen saves the whole printer list, so the default printer arrives with the values
 * the environment imposed. Those must not be written over what was saved: when the variable is
 * removed, the station goes back to the printer saved before.
 */
function keepSavedUnderPresets(saved: Settings, next: Settings, locked: EnvPresets['locked']): Settings {
  const lockedKeys = locked
    .filter((l) => l.field.startsWith('printer.'))
    .map((l) => l.field.slice('printer.'.length) as keyof PrinterSettings);
  const defaultLocked = locked.some((l) => l.field === 'printers.defaultId');
  if (lockedKeys.length === 0 && !defaultLocked) return next;
  const savedDefault = defaultPrinter(saved.printers);
  const list = next.printers.list.map((p) =>
    p.id === savedDefault.id ? { ...p, ...Object.fromEntries(lockedKeys.map((key) => [key, savedDefault[key]])) } : p,
  );
  const defaultId =
    defaultLocked && list.some((p) => p.id === saved.printers.defaultId) ? saved.printers.defaultId : next.printers.defaultId;
  return Settings.parse({ ...next, printers: { defaultId, list } });
}

/**
 * Checks every provider address that changes: refused when it is not https (http only to this
 * computer); when its host changes to one that is not the provider's own, the secret it would carry
 * is cleared and must be entered again (so a stolen session cannot send the key elsewhere).
 */
function secretsToClear(before: Settings, after: Settings): Set<SecretName> {
  const was = endpointUrls(before);
  const now = endpointUrls(after);
  const cleared = new Set<SecretName>();
  const problems: Record<string, string[]> = {};
  for (const endpoint of Object.keys(now) as ProviderEndpoint[]) {
    const url = now[endpoint].trim();
    if (url === was[endpoint].trim() || url === '') continue;
    const check = checkProviderUrl(endpoint, url);
    if (!check.ok) {
      problems[ENDPOINT_FIELDS[endpoint]] = [check.problem];
      continue;
    }
    if (check.kind !== 'official' && check.host !== urlHost(was[endpoint])) cleared.add(ENDPOINT_SECRET[endpoint]);
  }
  const fields = Object.keys(problems);
  if (fields.length > 0) {
    const first = problems[fields[0]!]![0]!;
    throw new StationError(
      'invalid_input',
      `Not saved. ${first}`,
      `Use the provider's own address (${fields.map((f) => OFFICIAL_EXAMPLE[endpointOfField(f)]).join(', ')}), or another https:// address a supervisor approves.`,
      problems,
    );
  }
  return cleared;
}

function endpointOfField(field: string): ProviderEndpoint {
  return (Object.keys(ENDPOINT_FIELDS) as ProviderEndpoint[]).find((e) => ENDPOINT_FIELDS[e] === field)!;
}

function isSecretField(field: string): boolean {
  return field.startsWith('secrets.') || field === 'tiktokAuthorization';
}

/** A locked field's value: `printer.x` is the default printer's x. */
function fieldValue(settings: Settings, field: string): unknown {
  const [section, ...rest] = field.split('.');
  const root: unknown = section === 'printer' ? defaultPrinter(settings.printers) : (settings as Record<string, unknown>)[section!];
  return rest.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}
