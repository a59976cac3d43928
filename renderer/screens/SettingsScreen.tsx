import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicSettings } from '../../shared/schemas';
import { station } from '../station';
import { keys, useSettings } from '../queries';
import { toProblem } from '../problem';
import {
  DPI_CHOICES,
  dpiFromText,
  draftFromSettings,
  LANGUAGE_CHOICES,
  lockedBy,
  MEDIA_CHOICES,
  patchFromDraft,
  PROVIDER_CHOICES,
  secretLockedBy,
  splitFieldProblems,
  tiktokDraftChanged,
  type FieldProblem,
  type SettingsDraft,
} from '../settings-draft';
import { ProblemBox } from '../components/ProblemBox';
import { SettingsField } from '../components/SettingsField';
import { SecretField } from '../components/SecretField';
import { TestPrintButton } from '../components/TestPrintButton';
import { TikTokAuthorization } from '../components/TikTokAuthorization';
import { PrinterFinder } from '../components/PrinterFinder';
import { PrinterStatusCheck } from '../components/PrinterStatusCheck';

export function SettingsScreen() {
  const settings = useSettings();
  if (settings.isPending) return <p className="screen-pad">Loading settings…</p>;
  if (settings.isError) return <div className="screen-pad"><ProblemBox problem={toProblem(settings.error)} /></div>;
  return <SettingsForm settings={settings.data} />;
}

type TextKey = { [K in keyof SettingsDraft]: SettingsDraft[K] extends string ? K : never }[keyof SettingsDraft];

function SettingsForm({ settings }: { settings: PublicSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [localErrors, setLocalErrors] = useState<string[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const locked = settings.lockedByEnv;
  const lock = (field: string) => lockedBy(locked, field);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSavedAt(null);
  };
  const save = useMutation({
    mutationFn: (patch: Parameters<typeof station.updateSettings>[0]) => station.updateSettings(patch),
    onSuccess: (result) => {
      queryClient.setQueryData(keys.settings, result);
      void queryClient.invalidateQueries({ queryKey: keys.info });
      // The printer may have changed: an answer about the old one must not linger.
      void queryClient.resetQueries({ queryKey: keys.printerStatus });
      setDraft(draftFromSettings(result));
      setSavedAt(new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    },
  });

  const saveProblem = save.error ? toProblem(save.error) : undefined;
  const fieldProblems: FieldProblem[] = saveProblem?.code === 'invalid_input' ? splitFieldProblems(saveProblem.message) : [];
  const problemsFor = (...fields: string[]) =>
    fieldProblems.filter((p) => p.field && fields.some((f) => p.field === f || p.field?.startsWith(`${f}.`))).map((p) => p.text);

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setSavedAt(null);
    const { patch, errors } = patchFromDraft(draft, locked);
    setLocalErrors(errors);
    if (errors.length === 0) save.mutate(patch);
  }

  const text = (key: TextKey, field: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input id={key} className="text-input" value={draft[key]} readOnly={!!lock(field)} onChange={(e) => set(key, e.target.value)} {...props} />
  );
  /** One text setting: label, input, lock note and the station's problems for it. */
  const row = (label: string, key: TextKey, field: string, options: { hint?: string; props?: React.InputHTMLAttributes<HTMLInputElement> } = {}) => (
    <SettingsField label={label} htmlFor={key} problems={problemsFor(field)} lockedBy={lock(field)} hint={options.hint}>
      {text(key, field, { className: 'text-input wide', spellCheck: false, ...options.props })}
    </SettingsField>
  );
  const secret = (label: string, name: keyof PublicSettings['secrets']) => (
    <SettingsField label={label} htmlFor={`secret-${name}-input`}>
      <SecretField secret={name} isSet={settings.secrets[name] === true} lockedBy={secretLockedBy(locked, name)} />
    </SettingsField>
  );

  const tiktokBlocked = tiktokDraftChanged(draft, settings)
    ? 'Save the settings first: authorization uses the saved app key.'
    : settings.tiktok.appKey === '' || !settings.secrets.tiktokAppSecret
      ? 'Enter and save the app key and app secret first.'
      : undefined;

  return (
    <div className="settings-screen">
      <form onSubmit={onSubmit} className="settings-form" data-testid="settings-form" noValidate>
        <div className="settings-col">
          <fieldset data-testid="provider-settings">
            <legend>Label provider</legend>
            <SettingsField label="Provider" htmlFor="provider" problems={problemsFor('provider')} lockedBy={lock('provider')}>
              <select id="provider" className="select" value={draft.provider} disabled={!!lock('provider')} onChange={(e) => set('provider', e.target.value as SettingsDraft['provider'])}>
                {PROVIDER_CHOICES.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.text}
                  </option>
                ))}
              </select>
            </SettingsField>

            {draft.provider === 'sandbox' && (
              <div className="provider-section" data-testid="section-sandbox">
                <p className="section-note">Test labels only: nothing is bought and every label says SANDBOX — DO NOT SHIP.</p>
                {row('Sandbox delay (ms)', 'latencyMs', 'sandbox.latencyMs', { hint: 'How slow the sandbox pretends to be', props: { inputMode: 'numeric', className: 'text-input short' } })}
              </div>
            )}

            {draft.provider === 'aftership' && (
              <div className="provider-section" data-testid="section-aftership">
                {row('AfterShip address', 'baseUrl', 'aftership.baseUrl', { props: { type: 'url' } })}
                {row('Shipper account ID', 'shipperAccountId', 'aftership.shipperAccountId', { hint: 'Optional: leave empty to let AfterShip pick the TikTok account' })}
                {row('Service type', 'serviceType', 'aftership.serviceType')}
                {secret('AfterShip API key', 'aftershipApiKey')}
              </div>
            )}

            {draft.provider === 'tiktok' && (
              <div className="provider-section" data-testid="section-tiktok">
                {row('TikTok API address', 'tiktokApiBaseUrl', 'tiktok.apiBaseUrl', { props: { type: 'url' } })}
                {row('Authorization address', 'tiktokAuthBaseUrl', 'tiktok.authBaseUrl', { props: { type: 'url' } })}
                {row('App key', 'tiktokAppKey', 'tiktok.appKey')}
                {row('Shop cipher', 'tiktokShopCipher', 'tiktok.shopCipher', { hint: 'Which shop to ship for, when the app serves several' })}
                {secret('App secret', 'tiktokAppSecret')}
                <SettingsField label="Shop authorization">
                  <TikTokAuthorization status={settings.tiktokAuthorization} lockedBy={lock('tiktokAuthorization')} blockedReason={tiktokBlocked} />
                </SettingsField>
              </div>
            )}

            {draft.provider === 'shipium' && (
              <div className="provider-section" data-testid="section-shipium">
                <p className="section-note section-note-warn" data-testid="shipium-note">
                  Shipium's TikTok labels cannot be voided and have no tracking updates; answers can take up to a minute.
                </p>
                {row('Shipium address', 'shipiumBaseUrl', 'shipium.baseUrl', { props: { type: 'url' } })}
                {secret('Shipium API key', 'shipiumApiKey')}
              </div>
            )}
          </fieldset>

          <fieldset data-testid="order-sources">
            <legend>Order sources</legend>
            <p className="section-note">Used to turn a scanned Shopify order number (#1001) into its TikTok order ID, and to list an order's items.</p>
            {row('Shopify store address', 'shopifyStoreUrl', 'shopify.storeUrl', { hint: 'e.g. https://your-shop.myshopify.com', props: { type: 'url' } })}
            {secret('Shopify admin token', 'shopifyAdminToken')}
            {row('WMS order file', 'ordersFile', 'ordersFile', { hint: 'A CSV or JSON export, e.g. /srv/wms/orders.csv' })}
          </fieldset>
        </div>

        <div className="settings-col">
          <fieldset>
            <legend>Printer</legend>
            <SettingsField
              label="Printer address"
              htmlFor="printerAddress"
              problems={problemsFor('printer.address')}
              lockedBy={lock('printer.address')}
              hint="Network: tcp://192.168.1.50:9100 · USB: /dev/usb/lp0 · print queue: cups:QUEUE (Linux/Mac) or windows:PRINTER NAME"
            >
              {text('printerAddress', 'printer.address', { className: 'text-input wide', spellCheck: false })}
            </SettingsField>
            {!lock('printer.address') && (
              <SettingsField label="">
                <PrinterFinder current={draft.printerAddress.trim()} onPick={(address) => set('printerAddress', address)} />
              </SettingsField>
            )}
            <SettingsField label="Printer language" htmlFor="printerLanguage" problems={problemsFor('printer.language')} lockedBy={lock('printer.language')} hint="What the printer understands; see its manual or sticker">
              <select id="printerLanguage" className="select" value={draft.printerLanguage} disabled={!!lock('printer.language')} onChange={(e) => set('printerLanguage', e.target.value as SettingsDraft['printerLanguage'])}>
                {LANGUAGE_CHOICES.map((l) => (
                  <option key={l.value} value={l.value}>
                    {l.text}
                  </option>
                ))}
              </select>
            </SettingsField>
            <SettingsField label="Label size" htmlFor="media" problems={problemsFor('printer.media')} lockedBy={lock('printer.media')}>
              <select id="media" className="select" value={draft.media} disabled={!!lock('printer.media')} onChange={(e) => set('media', e.target.value as SettingsDraft['media'])}>
                {MEDIA_CHOICES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.text}
                  </option>
                ))}
              </select>
            </SettingsField>
            <SettingsField label="Resolution" htmlFor="dpi" problems={problemsFor('printer.dpi')} lockedBy={lock('printer.dpi')}>
              <select id="dpi" className="select" value={draft.dpi} disabled={!!lock('printer.dpi')} onChange={(e) => set('dpi', dpiFromText(e.target.value))}>
                {DPI_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {d} dpi
                  </option>
                ))}
              </select>
            </SettingsField>
            <SettingsField label="">
              <TestPrintButton address={draft.printerAddress} dpi={draft.dpi} />
            </SettingsField>
            <SettingsField label="Printer status">
              <PrinterStatusCheck savedAddress={settings.printer.address} draftAddress={draft.printerAddress} />
            </SettingsField>
          </fieldset>

          <fieldset>
            <legend>Default package</legend>
            <SettingsField label="Size (W × H × D)" htmlFor="width" problems={problemsFor('defaultParcel.dimension')} lockedBy={lock('defaultParcel.dimension')}>
              <span className="inline-group">
                {text('width', 'defaultParcel.dimension', { inputMode: 'decimal', className: 'text-input short', 'aria-label': 'Width' })}
                <span>×</span>
                {text('height', 'defaultParcel.dimension', { inputMode: 'decimal', className: 'text-input short', 'aria-label': 'Height' })}
                <span>×</span>
                {text('depth', 'defaultParcel.dimension', { inputMode: 'decimal', className: 'text-input short', 'aria-label': 'Depth' })}
                <select className="select" aria-label="Size unit" value={draft.dimensionUnit} disabled={!!lock('defaultParcel.dimension')} onChange={(e) => set('dimensionUnit', e.target.value as SettingsDraft['dimensionUnit'])}>
                  <option value="in">in</option>
                  <option value="cm">cm</option>
                </select>
              </span>
            </SettingsField>
            <SettingsField label="Weight" htmlFor="weight" problems={problemsFor('defaultParcel.weight')} lockedBy={lock('defaultParcel.weight')}>
              <span className="inline-group">
                {text('weight', 'defaultParcel.weight', { inputMode: 'decimal', className: 'text-input short' })}
                <select className="select" aria-label="Weight unit" value={draft.weightUnit} disabled={!!lock('defaultParcel.weight')} onChange={(e) => set('weightUnit', e.target.value as SettingsDraft['weightUnit'])}>
                  <option value="lb">lb</option>
                  <option value="oz">oz</option>
                  <option value="kg">kg</option>
                  <option value="g">g</option>
                </select>
              </span>
            </SettingsField>
          </fieldset>

          <fieldset>
            <legend>Station</legend>
            <SettingsField label="Operator name" htmlFor="operator" problems={problemsFor('operator')} lockedBy={lock('operator')} hint="Recorded with every label">
              {text('operator', 'operator', { maxLength: 60 })}
            </SettingsField>
          </fieldset>
        </div>

        <div className="save-bar">
          <div className="save-row">
            <button className="button button-big" type="submit" disabled={save.isPending} data-testid="save-settings">
              {save.isPending ? 'Saving…' : 'Save settings'}
            </button>
            {savedAt && !save.isPending && (
              <span className="saved-note" role="status" data-testid="saved-note">
                ✓ Saved at {savedAt}
              </span>
            )}
          </div>
          {localErrors.length > 0 && (
            <ProblemBox problem={{ code: 'invalid_input', message: localErrors.join(' '), nextStep: 'Correct the value and save again.' }} />
          )}
          {saveProblem && (
            <ProblemBox
              problem={fieldProblems.length > 0 ? { ...saveProblem, message: `Not saved. ${fieldProblems.map((p) => p.text).join(' · ')}` } : saveProblem}
            />
          )}
        </div>
      </form>
    </div>
  );
}
