import { useEffect, useRef } from 'react';
import type { Parcel } from '../../shared/domain/parcels';
import type { BoxPreset } from '../../shared/domain/box-presets';
import { useParcelChoice } from '../state/parcel-choice-store';
import { nextLabelLine, scanInWeightField, type NextParcel } from './parcel-choice';
import { PARCEL_KEYS, parcelKey } from './parcel-keys';
import type { ScaleReading } from '../../shared/domain/scale';
import { ScaleDisplay } from './ScaleDisplay';

function focusScanField(): void {
  document.getElementById('scan-input')?.focus();
}

/**
 * "This parcel", under the scan field: the box (the station's, or a preset by its Alt key or a click)
 * and a typed weight (Alt+W; Enter or Esc goes back to the scan field), and what the next label declares.
 * A scan typed into the weight field (a scanner's burst, focus there) goes to `onScan`, the weight kept as it was.
 */
export function ParcelStrip({
  defaultParcel,
  presets,
  next,
  onScan,
  scale,
}: {
  defaultParcel: Parcel;
  presets: readonly BoxPreset[];
  next: NextParcel;
  /** false: not sent (the text is put in the scan field). */
  onScan: (scan: string) => boolean;
  /** The scale's live reading when a scale is set up (shown large, with its stable mark). */
  scale?: ScaleReading | undefined;
}) {
  const choice = useParcelChoice();
  const weightInput = useRef<HTMLInputElement>(null);
  const weightBefore = useRef('');

  function enterInWeight(text: string) {
    const scan = scanInWeightField(weightBefore.current, text);
    if (scan !== null) {
      choice.setWeightText(weightBefore.current);
      const field = document.getElementById('scan-input');
      if (!onScan(scan) && field instanceof HTMLInputElement) field.value = scan;
    }
    focusScanField();
  }

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const key = parcelKey(e);
      if (!key || (e.target instanceof Element && e.target.closest('dialog'))) return;
      const state = useParcelChoice.getState();
      if (key.kind === 'weight') {
        e.preventDefault();
        weightInput.current?.focus();
        weightInput.current?.select();
        return;
      }
      const preset = key.kind === 'preset' ? presets[key.index] : undefined;
      if (key.kind === 'preset' && !preset) return;
      e.preventDefault();
      if (preset) state.togglePreset(preset.id);
      else if (state.presetId) state.togglePreset(state.presetId);
      focusScanField();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [presets]);

  const d = defaultParcel.dimension;
  return (
    <section className="parcel-strip" aria-label="This parcel" data-testid="parcel-strip">
      <span className="parcel-strip-title">This parcel</span>
      <div className="split-presets" role="group" aria-label="Box">
        <PresetButton
          chosen={choice.presetId === undefined}
          name="Station box"
          size={`${d.width}×${d.height}×${d.depth} ${d.unit}`}
          shortcut={PARCEL_KEYS.stationBox}
          onClick={() => choice.presetId && choice.togglePreset(choice.presetId)}
        />
        {presets.slice(0, 9).map((preset, i) => (
          <PresetButton
            key={preset.id}
            chosen={choice.presetId === preset.id}
            name={preset.name}
            size={`${preset.dimension.width}×${preset.dimension.height}×${preset.dimension.depth} ${preset.dimension.unit}`}
            shortcut={PARCEL_KEYS.preset(i)}
            onClick={() => choice.togglePreset(preset.id)}
          />
        ))}
      </div>
      {scale && <ScaleDisplay reading={scale} />}
      <label className="parcel-weight" data-own-focus="">
        <span>
          Weight <kbd>{PARCEL_KEYS.weight}</kbd>
        </span>
        <input
          ref={weightInput}
          className={next.problem ? 'parcel-weight-input parcel-weight-invalid' : 'parcel-weight-input'}
          data-testid="parcel-weight"
          inputMode="decimal"
          autoComplete="off"
          placeholder={String(defaultParcel.weight.value)}
          aria-invalid={next.problem !== undefined}
          value={choice.weightText}
          onChange={(e) => choice.setWeightText(e.currentTarget.value)}
          onFocus={(e) => (weightBefore.current = e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== 'Escape') return;
            e.preventDefault();
            if (e.key === 'Enter') enterInWeight(e.currentTarget.value);
            else focusScanField();
          }}
          onBlur={() =>
            setTimeout(() => {
              if (!document.activeElement?.closest('[data-own-focus], dialog, input, textarea, select')) focusScanField();
            }, 0)
          }
        />
        <span>{defaultParcel.weight.unit}</span>
      </label>
      {next.problem && (
        <p className="parcel-weight-problem" role="alert" data-testid="parcel-weight-problem">
          {next.problem}
        </p>
      )}
      <p className={next.send ? 'parcel-next parcel-next-chosen' : 'parcel-next'} data-testid="parcel-next">
        {nextLabelLine(next)}
      </p>
    </section>
  );
}

function PresetButton(props: { chosen: boolean; name: string; size: string; shortcut: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className={props.chosen ? 'split-preset split-preset-chosen' : 'split-preset'}
      data-testid="parcel-preset"
      aria-pressed={props.chosen}
      onClick={props.onClick}
    >
      <span className="split-preset-name">
        {props.name}
        <kbd>{props.shortcut}</kbd>
      </span>
      <span className="split-preset-size">{props.size}</span>
    </button>
  );
}
