import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicSettings } from '../../shared/domain/settings';
import { station } from '../api/station';
import { keys, useSettings, useStationInfo } from '../api/queries';
import { toProblem } from '../api/problem';
import {
  draftFromSettings,
  fieldProblemsOf,
  lockedBy,
  patchFromDraft,
  PROVIDER_CHOICES,
  secretLockedBy,
  summarizeProblems,
  tiktokDraftChanged,
  type FieldProblem,
  type SettingsDraft,
} from './settings-draft';
import { clearedSecretsNote } from './cleared-secrets';
import { ProblemBox } from '../ui/ProblemBox';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { SettingsField } from './SettingsField';
import { SecretField } from './SecretField';
import { TikTokAuthorization } from './TikTokAuthorization';
import { PrinterListEditor } from './PrinterListEditor';
import { DatabaseSection } from './DatabaseSection';
import { OperatorsSection } from './OperatorsSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { BoxPresetEditor } from './BoxPresetEditor';
import { ScaleSection } from './ScaleSection';
import { StorageSection } from './StorageSection';
import { ExportFolderSection } from './ExportFolderSection';
import { SystemsApiSection } from './SystemsApiSection';
import { WritebackSection } from './WritebackSection';
import { ASK_BEFORE_BUYING_HINTS } from './ask-before-buying-words';
import { historyGapsNow } from './history-start-words';

export function SettingsScreen() {
  const settings = useSettings();
  if (settings.isPending) return <p className="screen-pad">Loading settings…</p>;
  if (settings.isError)
    return (
      <div className="screen-pad">
        <ProblemBox problem={toProblem(settings.error)} />
      </div>
    );
  return <SettingsForm settings={settings.data} />;
}

type TextKey = { [K in keyof SettingsDraft]: SettingsDraft[K] extends string ? K : never }[Exclude<
  keyof SettingsDraft,
  'defaultPrinterKey'
>];

function SettingsForm({ settings }: { settings: PublicSettings }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const info = useStationInfo();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [localErrors, setLocalErrors] = useState<string[]>([]);
  /** The form as last sent: the station's problems name printers by their place in that list. */
  const [sent, setSent] = useState<SettingsDraft>(draft);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  /** Keys the last save removed (an address moved to another host), in words. */
  const [clearedNote, setClearedNote] = useState('');
  /** Bumped on each save: the printer list starts afresh (no "removed" note about what is now saved). */
  const [saveCount, setSaveCount] = useState(0);
  /** Every printer ID this station had while the form was open: a new printer never takes one of them. */
  const knownPrinterIds = useRef(new Set(settings.printers.list.map((p) => p.id)));
  /** The same for box presets: a split shipment names its box by ID. */
  const knownBoxIds = useRef(new Set(settings.boxPresets.map((b) => b.id)));
  const locked = settings.lockedByEnv;
  const lock = (field: string) => lockedBy(locked, field);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSavedAt(null);
  };
  const update = (change: (d: SettingsDraft) => SettingsDraft) => {
    setDraft(change);
    setSavedAt(null);
  };
  const save = useMutation({
    mutationFn: (patch: Parameters<typeof station.updateSettings>[0]) =>
      approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) => station.updateSettings({ ...patch, ...(approval && { approval }) })),
    onSuccess: (result) => {
      if (!result) return; // no supervisor approved: nothing was saved, the form keeps the changes
      setClearedNote(clearedSecretsNote(settings.secrets, result.secrets));
      queryClient.setQueryData(keys.settings, result);
      void queryClient.invalidateQueries({ queryKey: keys.info });
      // The printer may have changed: an answer about the old one must not linger.
      void queryClient.resetQueries({ queryKey: keys.printerStatus });
      for (const p of result.printers.list) knownPrinterIds.current.add(p.id);
      for (const b of result.boxPresets) knownBoxIds.current.add(b.id);
      setDraft(draftFromSettings(result));
      setSaveCount((n) => n + 1);
      setSavedAt(new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    },
  });

  const saveProblem = save.error ? toProblem(save.error) : undefined;
  const fieldProblems: FieldProblem[] = fieldProblemsOf(saveProblem, sent);
  const problemsFor = (...fields: string[]) =>
    fieldProblems.filter((p) => p.field && fields.some((f) => p.field === f || p.field?.startsWith(`${f}.`))).map((p) => p.text);

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setSavedAt(null);
    const { patch, errors } = patchFromDraft(draft, locked, knownPrinterIds.current, knownBoxIds.current);
    setLocalErrors(errors);
    if (errors.length > 0) return;
    setSent(draft);
    save.mutate(patch);
  }

  const text = (key: TextKey, field: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={key}
      className="text-input"
      value={draft[key]}
      readOnly={!!lock(field)}
      onChange={(e) => set(key, e.target.value)}
      {...props}
    />
  );
  /** One text setting: label, input, lock note and the station's problems for it. */
  const row = (
    label: string,
    key: TextKey,
    field: string,
    options: { hint?: string; props?: React.InputHTMLAttributes<HTMLInputElement> } = {},
  ) => (
    <SettingsField label={label} htmlFor={key} problems={problemsFor(field)} lockedBy={lock(field)} hint={options.hint}>
      {text(key, field, { className: 'text-input wide', spellCheck: false, ...options.props })}
    </SettingsField>
  );
  /** How long a label the provider may still make after a lost answer is waited for (whole seconds). */
  const lateLabelRow = (provider: 'aftership' | 'tiktok' | 'shipium', key: TextKey) =>
    row('Wait for a late label (seconds)', key, `${provider}.lateLabelWindowSeconds`, {
      hint: `After a lost answer, ${PROVIDER_SHORT_NAMES[provider]} may still make the label: the order is not bought again for this long. 30 to 3600.`,
      props: { inputMode: 'numeric', className: 'text-input short late-label-input' },
    });
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
      <form
        onSubmit={onSubmit}
        className="settings-form"
        data-testid="settings-form"
        // Unsaved changes keep the screen from going back to Scan by itself (use-return-to-scan).
        data-unsaved={JSON.stringify(draft) !== JSON.stringify(sent) ? 'true' : undefined}
        noValidate
      >
        <div className="settings-col">
          <fieldset data-testid="provider-settings">
            <legend>Label provider</legend>
            <SettingsField label="Provider" htmlFor="provider" problems={problemsFor('provider')} lockedBy={lock('provider')}>
              <select
                id="provider"
                className="select"
                value={draft.provider}
                disabled={!!lock('provider')}
                onChange={(e) => set('provider', e.target.value as SettingsDraft['provider'])}
              >
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
                {row('Sandbox delay (ms)', 'latencyMs', 'sandbox.latencyMs', {
                  hint: 'How slow the sandbox pretends to be',
                  props: { inputMode: 'numeric', className: 'text-input short' },
                })}
              </div>
            )}

            {draft.provider === 'aftership' && (
              <div className="provider-section" data-testid="section-aftership">
                {row('AfterShip address', 'baseUrl', 'aftership.baseUrl', { props: { type: 'url' } })}
                {row('Shipper account ID', 'shipperAccountId', 'aftership.shipperAccountId', {
                  hint: 'Optional: leave empty to let AfterShip pick the TikTok account',
                })}
                {row('Service type', 'serviceType', 'aftership.serviceType')}
                {lateLabelRow('aftership', 'aftershipLateSeconds')}
                <SettingsField
                  label="Before buying"
                  htmlFor="aftership-ask"
                  problems={problemsFor('aftership.askBeforeBuying')}
                  lockedBy={lock('aftership.askBeforeBuying')}
                  hint={[
                    ASK_BEFORE_BUYING_HINTS[draft.aftershipAskBeforeBuying],
                    draft.aftershipAskBeforeBuying === 'history-gaps' && historyGapsNow(info.data?.historyCompleteSince),
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <select
                    id="aftership-ask"
                    className="select"
                    data-testid="aftership-ask"
                    value={draft.aftershipAskBeforeBuying}
                    disabled={!!lock('aftership.askBeforeBuying')}
                    onChange={(e) => set('aftershipAskBeforeBuying', e.target.value as SettingsDraft['aftershipAskBeforeBuying'])}
                  >
                    <option value="always">Always ask AfterShip whether the order has a label</option>
                    <option value="history-gaps">Ask only while this history may be missing a label</option>
                  </select>
                </SettingsField>
                {secret('AfterShip API key', 'aftershipApiKey')}
              </div>
            )}

            {draft.provider === 'tiktok' && (
              <div className="provider-section" data-testid="section-tiktok">
                {row('TikTok API address', 'tiktokApiBaseUrl', 'tiktok.apiBaseUrl', { props: { type: 'url' } })}
                {row('Authorization address', 'tiktokAuthBaseUrl', 'tiktok.authBaseUrl', { props: { type: 'url' } })}
                {row('App key', 'tiktokAppKey', 'tiktok.appKey')}
                {row('Shop cipher', 'tiktokShopCipher', 'tiktok.shopCipher', {
                  hint: 'Which shop to ship for, when the app serves several',
                })}
                {lateLabelRow('tiktok', 'tiktokLateSeconds')}
                {secret('App secret', 'tiktokAppSecret')}
                <SettingsField label="Shop authorization">
                  <TikTokAuthorization
                    status={settings.tiktokAuthorization}
                    lockedBy={lock('tiktokAuthorization')}
                    blockedReason={tiktokBlocked}
                  />
                </SettingsField>
              </div>
            )}

            {draft.provider === 'shipium' && (
              <div className="provider-section" data-testid="section-shipium">
                <p className="section-note section-note-warn" data-testid="shipium-note">
                  Shipium's TikTok labels cannot be voided and have no tracking updates; answers can take up to a minute.
                </p>
                {row('Shipium address', 'shipiumBaseUrl', 'shipium.baseUrl', { props: { type: 'url' } })}
                {lateLabelRow('shipium', 'shipiumLateSeconds')}
                {secret('Shipium API key', 'shipiumApiKey')}
              </div>
            )}
          </fieldset>

          <fieldset data-testid="order-sources">
            <legend>Order sources</legend>
            <p className="section-note">
              Used to turn a scanned Shopify order number (#1001) into its TikTok order ID, and to list an order's items.
            </p>
            {row('Shopify store address', 'shopifyStoreUrl', 'shopify.storeUrl', {
              hint: 'e.g. https://your-shop.myshopify.com',
              props: { type: 'url' },
            })}
            {secret('Shopify admin token', 'shopifyAdminToken')}
            {row('WMS order file', 'ordersFile', 'ordersFile', { hint: 'A CSV or JSON export, e.g. /srv/wms/orders.csv' })}
          </fieldset>
        </div>

        <div className="settings-col">
          <fieldset data-testid="printer-settings">
            <legend>Printers</legend>
            <PrinterListEditor
              key={saveCount}
              draft={draft}
              settings={settings}
              problems={fieldProblems}
              sentKeys={sent.printers.map((p) => p.key)}
              update={update}
            />
          </fieldset>

          <fieldset>
            <legend>Default package</legend>
            <SettingsField
              label="Size (W × H × D)"
              htmlFor="width"
              problems={problemsFor('defaultParcel.dimension')}
              lockedBy={lock('defaultParcel.dimension')}
            >
              <span className="inline-group">
                {text('width', 'defaultParcel.dimension', { inputMode: 'decimal', className: 'text-input short', 'aria-label': 'Width' })}
                <span>×</span>
                {text('height', 'defaultParcel.dimension', { inputMode: 'decimal', className: 'text-input short', 'aria-label': 'Height' })}
                <span>×</span>
                {text('depth', 'defaultParcel.dimension', { inputMode: 'decimal', className: 'text-input short', 'aria-label': 'Depth' })}
                <select
                  className="select"
                  aria-label="Size unit"
                  value={draft.dimensionUnit}
                  disabled={!!lock('defaultParcel.dimension')}
                  onChange={(e) => set('dimensionUnit', e.target.value as SettingsDraft['dimensionUnit'])}
                >
                  <option value="in">in</option>
                  <option value="cm">cm</option>
                </select>
              </span>
            </SettingsField>
            <SettingsField
              label="Weight"
              htmlFor="weight"
              problems={problemsFor('defaultParcel.weight')}
              lockedBy={lock('defaultParcel.weight')}
            >
              <span className="inline-group">
                {text('weight', 'defaultParcel.weight', { inputMode: 'decimal', className: 'text-input short' })}
                <select
                  className="select"
                  aria-label="Weight unit"
                  value={draft.weightUnit}
                  disabled={!!lock('defaultParcel.weight')}
                  onChange={(e) => set('weightUnit', e.target.value as SettingsDraft['weightUnit'])}
                >
                  <option value="lb">lb</option>
                  <option value="oz">oz</option>
                  <option value="kg">kg</option>
                  <option value="g">g</option>
                </select>
              </span>
            </SettingsField>
          </fieldset>

          <fieldset data-testid="box-settings">
            <legend>Boxes for split shipments</legend>
            {row('Units in one box', 'maxUnitsPerBox', 'packing.maxUnitsPerBox', {
              hint: 'An order with more units than this opens the splitter for a supervisor',
              props: { inputMode: 'numeric', className: 'text-input short' },
            })}
            <SettingsField
              label="Check items before buying"
              htmlFor="checkItems"
              problems={problemsFor('packing.checkItems')}
              lockedBy={lock('packing.checkItems')}
              hint="The packer scans every item of an order (SKU or barcode) before its label is bought; a supervisor may skip it, saying why"
            >
              <input
                id="checkItems"
                type="checkbox"
                data-testid="check-items-setting"
                checked={draft.checkItems}
                disabled={lock('packing.checkItems') !== undefined}
                onChange={(e) => set('checkItems', e.target.checked)}
              />
            </SettingsField>
            <BoxPresetEditor
              key={saveCount}
              draft={draft}
              lockedBy={lock('boxPresets')}
              problems={fieldProblems}
              sentKeys={sent.boxes.map((b) => b.key)}
              update={update}
            />
          </fieldset>

          <fieldset>
            <legend>Station</legend>
            {row('Sign out after (idle minutes)', 'idleSignOutMinutes', 'operators.idleSignOutMinutes', {
              hint: 'Signs the operator out after this many minutes without a key or a click. 0: never.',
              props: { inputMode: 'numeric', className: 'text-input short' },
            })}
            {row('Back to Scan after (idle seconds)', 'returnToScanSeconds', 'operators.returnToScanSeconds', {
              hint: 'History or Settings left without a key or a click this long goes back to the Scan screen. 0: never.',
              props: { inputMode: 'numeric', className: 'text-input short' },
            })}
            {row('Wait for a label file (seconds)', 'downloadDeadlineSeconds', 'labelDownload.deadlineSeconds', {
              hint: 'A bought label whose file takes longer answers "file pending"; the download goes on and the label prints by itself when it arrives. 1 to 300.',
              props: { inputMode: 'numeric', className: 'text-input short' },
            })}
          </fieldset>

          <DatabaseSection />
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
          {clearedNote && savedAt && !save.isPending && (
            <p className="field-problem" role="alert" data-testid="secrets-cleared">
              {clearedNote}
            </p>
          )}
          {localErrors.length > 0 && (
            <ProblemBox
              problem={{ code: 'invalid_input', message: localErrors.join(' '), nextStep: 'Correct the value and save again.' }}
            />
          )}
          {saveProblem && (
            <ProblemBox
              problem={
                saveProblem.code === 'invalid_input' && fieldProblems.length > 0
                  ? { ...saveProblem, message: `Not saved. ${summarizeProblems(fieldProblems, sent.printers).join(' · ')}` }
                  : saveProblem
              }
            />
          )}
        </div>
      </form>
      <ScaleSection settings={settings} />
      <StorageSection settings={settings} />
      <ExportFolderSection settings={settings} />
      <SystemsApiSection settings={settings} />
      <WritebackSection shopifyConnected={Boolean(settings.shopify.storeUrl && settings.secrets.shopifyAdminToken)} />
      <OperatorsSection />
      <DiagnosticsSection />
    </div>
  );
}
