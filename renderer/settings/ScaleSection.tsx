/**
 * Settings' scale section: which scale the station reads (none, a serial scale and its protocol, or
 * a USB HID scale), found among the devices the station sees; a test that reads it once; and the
 * rules a scan follows with it (stable weight required, lowest and highest weight). Saved on its own.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicSettings } from '../../shared/domain/settings';
import { SCALE_BAUD_RATES, type ScaleReading } from '../../shared/domain/scale';
import { WEIGHT_UNITS, formatWeight, type WeightUnit } from '../../shared/domain/units';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';
import { SettingsField } from './SettingsField';
import { scaleDraftFrom, scaleSettingsFrom, type ScaleDraft } from './scale-draft';

type DeviceList = Awaited<ReturnType<typeof station.listScaleDevices>>;

export function ScaleSection({ settings }: { settings: PublicSettings }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const [draft, setDraft] = useState<ScaleDraft>(() => scaleDraftFrom(settings.scale));
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [devices, setDevices] = useState<DeviceList | null>(null);
  const [tested, setTested] = useState<ScaleReading | null>(null);
  const set = <K extends keyof ScaleDraft>(key: K, value: ScaleDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
    setTested(null);
  };

  const save = useMutation({
    mutationFn: (scale: PublicSettings['scale']) =>
      approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) => station.updateSettings({ scale, ...(approval && { approval }) })),
    onSuccess: (result) => {
      if (!result) return;
      queryClient.setQueryData(keys.settings, result);
      setDraft(scaleDraftFrom(result.scale));
      setSaved(true);
    },
  });
  const find = useMutation({ mutationFn: () => station.listScaleDevices({}), onSuccess: setDevices });
  const test = useMutation({
    mutationFn: (device: PublicSettings['scale']['device']) => station.testScale({ device }),
    onSuccess: setTested,
  });

  const checked = () => {
    const result = scaleSettingsFrom(draft);
    setLocalError(result.ok ? null : result.message);
    return result.ok ? result.settings : null;
  };
  const problem = save.error ? toProblem(save.error) : find.error ? toProblem(find.error) : test.error ? toProblem(test.error) : undefined;

  return (
    <section className="scale-section" data-testid="scale-settings">
      <h2>Scale</h2>
      <SettingsField label="Scale" htmlFor="scale-kind" hint="A USB shipping scale (HID), or a serial (RS-232 / USB-serial) scale.">
        <select
          id="scale-kind"
          className="text-input"
          value={draft.kind}
          onChange={(e) => set('kind', e.target.value as ScaleDraft['kind'])}
        >
          <option value="none">No scale (weights typed, or the station default)</option>
          <option value="hid">USB scale (HID point of sale)</option>
          <option value="serial">Serial scale</option>
        </select>
        {draft.kind !== 'none' && (
          <button
            type="button"
            className="button button-small"
            onClick={() => find.mutate()}
            disabled={find.isPending}
            data-testid="scale-find"
          >
            {find.isPending ? 'Looking…' : 'Find scales'}
          </button>
        )}
      </SettingsField>

      {draft.kind === 'serial' && (
        <>
          <SettingsField label="Serial port" htmlFor="scale-port" hint="e.g. /dev/ttyUSB0 or COM3">
            <input
              id="scale-port"
              className="text-input wide"
              list="scale-ports"
              spellCheck={false}
              value={draft.serialPath}
              onChange={(e) => set('serialPath', e.target.value)}
            />
            <datalist id="scale-ports">
              {devices?.serial.map((p) => (
                <option key={p.path} value={p.path}>
                  {p.name}
                </option>
              ))}
            </datalist>
          </SettingsField>
          <SettingsField label="Protocol" htmlFor="scale-protocol" hint="As set on the scale's interface menu.">
            <select
              id="scale-protocol"
              className="text-input"
              value={draft.protocol}
              onChange={(e) => set('protocol', e.target.value as ScaleDraft['protocol'])}
            >
              <option value="mt-sics">Mettler Toledo MT-SICS</option>
              <option value="nci">NCI / Weigh-Tronix / Avery / Brecknell (W command)</option>
            </select>
            <select
              id="scale-baud"
              className="text-input"
              aria-label="Baud rate"
              value={draft.baudRate}
              onChange={(e) => set('baudRate', e.target.value)}
            >
              {SCALE_BAUD_RATES.map((b) => (
                <option key={b} value={String(b)}>
                  {b} baud
                </option>
              ))}
            </select>
          </SettingsField>
        </>
      )}

      {draft.kind === 'hid' && (
        <SettingsField label="USB scale" htmlFor="scale-vendor" hint="Vendor and product id in hexadecimal; Find scales fills them.">
          <input
            id="scale-vendor"
            className="text-input short"
            aria-label="Vendor id"
            value={draft.vendorId}
            onChange={(e) => set('vendorId', e.target.value)}
          />
          <input
            id="scale-product"
            className="text-input short"
            aria-label="Product id"
            value={draft.productId}
            onChange={(e) => set('productId', e.target.value)}
          />
        </SettingsField>
      )}

      {devices && draft.kind === 'hid' && (
        <ul className="scale-devices" data-testid="scale-devices">
          {devices.hid.length === 0 && <li>No USB devices found: plug the scale in and look again.</li>}
          {devices.hid.map((d) => (
            <li key={`${d.path}-${d.vendorId}-${d.productId}`}>
              <button
                type="button"
                className="button button-small"
                onClick={() => setDraft((x) => ({ ...x, vendorId: hexId(d.vendorId), productId: hexId(d.productId), hidPath: d.path }))}
              >
                Use
              </button>{' '}
              {d.name} ({hexId(d.vendorId)}:{hexId(d.productId)}){d.scale ? ' — a scale' : ''}
            </li>
          ))}
        </ul>
      )}
      {devices && draft.kind === 'serial' && devices.serial.length === 0 && (
        <p className="section-note">No serial ports found: plug the scale (or its USB-serial cable) in and look again.</p>
      )}
      {devices?.problems.map((p) => (
        <p key={p} className="section-note section-note-warn">
          {p}
        </p>
      ))}

      <SettingsField
        label="Stable weight"
        htmlFor="scale-stable"
        hint="No label is bought with a weight still settling (unless one is typed)."
      >
        <label className="checkbox-row">
          <input id="scale-stable" type="checkbox" checked={draft.mustBeStable} onChange={(e) => set('mustBeStable', e.target.checked)} />
          Scale must be stable before buying; wait up to
        </label>
        <input
          className="text-input short"
          aria-label="Seconds to wait for a stable weight"
          inputMode="numeric"
          value={draft.stableWaitSeconds}
          onChange={(e) => set('stableWaitSeconds', e.target.value)}
        />
        seconds
      </SettingsField>
      <SettingsField label="Weight limits" htmlFor="scale-min" hint="A parcel outside these is refused (empty: no limit).">
        <input
          id="scale-min"
          className="text-input short"
          aria-label="Lowest weight"
          inputMode="decimal"
          placeholder="lowest"
          value={draft.minWeight}
          onChange={(e) => set('minWeight', e.target.value)}
        />
        to
        <input
          className="text-input short"
          aria-label="Highest weight"
          inputMode="decimal"
          placeholder="highest"
          value={draft.maxWeight}
          onChange={(e) => set('maxWeight', e.target.value)}
        />
        <select
          className="text-input short"
          aria-label="Unit of the limits"
          value={draft.limitUnit}
          onChange={(e) => set('limitUnit', e.target.value as WeightUnit)}
        >
          {WEIGHT_UNITS.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
      </SettingsField>

      <div className="save-row">
        <button
          type="button"
          className="button"
          data-testid="scale-save"
          disabled={save.isPending}
          onClick={() => {
            const scale = checked();
            if (scale) save.mutate(scale);
          }}
        >
          {save.isPending ? 'Saving…' : 'Save scale'}
        </button>
        {draft.kind !== 'none' && (
          <button
            type="button"
            className="button"
            data-testid="scale-test"
            disabled={test.isPending}
            onClick={() => {
              const scale = checked();
              if (scale) test.mutate(scale.device);
            }}
          >
            {test.isPending ? 'Reading…' : 'Test scale'}
          </button>
        )}
        {saved && (
          <span className="saved-note" role="status">
            ✓ Saved
          </span>
        )}
        {tested && (
          <span className={tested.weight ? 'saved-note' : 'section-note section-note-warn'} role="status" data-testid="scale-test-result">
            {tested.weight ? `${formatWeight(tested.weight)} — ${tested.message}` : tested.message}
          </span>
        )}
      </div>
      {localError && <ProblemBox problem={{ code: 'invalid_input', message: localError, nextStep: 'Correct the value and save again.' }} />}
      {problem && <ProblemBox problem={problem} />}
    </section>
  );
}

function hexId(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}
