/** The station's settings: saved values, over defaults, under environment presets. Secrets stay here. */
import { Settings, type PublicSettings, type SettingsPatch } from '../../../shared/schemas';
import { StationError } from '../../../shared/rpc';
import type { KeyValueStore, SecretStore } from '../core-types';
import { DEFAULT_SETTINGS } from './defaults';
import type { EnvPresets } from './env-presets';
import { mergeSettings } from './merge-settings';

const SETTINGS_KEY = 'settings';
const API_KEY_SECRET = 'aftership.apiKey';

export class SettingsService {
  private saved: Settings;

  constructor(
    private readonly store: KeyValueStore,
    private readonly secrets: SecretStore,
    private readonly presets: EnvPresets,
    log: (line: string) => void = () => {},
  ) {
    const stored = Settings.safeParse(store.get(SETTINGS_KEY));
    if (!stored.success && store.get(SETTINGS_KEY) !== undefined) {
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
    const lockedField = this.presets.locked.find(({ field }) => changes(patch, effective, field));
    if (lockedField) {
      throw new StationError(
        'locked_by_env',
        `This station's ${lockedField.field} is set by ${lockedField.variable} and cannot be changed here.`,
        `Ask whoever manages the station fleet to change ${lockedField.variable}.`,
      );
    }
    this.saved = mergeSettings(this.saved, patch);
    this.store.set(SETTINGS_KEY, this.saved);
    return this.current();
  }

  apiKey(): string | undefined {
    return this.presets.apiKey ?? this.secrets.get(API_KEY_SECRET);
  }

  setApiKey(key: string): void {
    this.refuseIfKeyLocked();
    this.secrets.set(API_KEY_SECRET, key);
  }

  clearApiKey(): void {
    this.refuseIfKeyLocked();
    this.secrets.delete(API_KEY_SECRET);
  }

  publicView(): PublicSettings {
    return { ...this.current(), apiKeySet: this.apiKey() !== undefined, lockedByEnv: this.presets.locked };
  }

  private refuseIfKeyLocked(): void {
    if (this.presets.apiKey) {
      throw new StationError(
        'locked_by_env',
        'The AfterShip API key is set by AFTERSHIP_API_KEY on this station.',
        'Ask whoever manages the station fleet to change it.',
      );
    }
  }
}

/** True when the patch sets `field` to something other than its current value. */
function changes(patch: SettingsPatch, current: Settings, field: string): boolean {
  const read = (root: unknown) =>
    field.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
  const wanted = read(patch);
  return wanted !== undefined && wanted !== read(current);
}
