import { useSplitStore } from '../state/split-store';
import { choosePreset, type BoxDraft } from './split-draft';
import { SPLIT_KEYS } from './split-keys';
import type { SplitView } from './use-split-view';

/** The station's box presets (Settings), one key each (Alt+1…) for the current box. */
export function BoxPresets({ box, index, view }: { box: BoxDraft; index: number; view: SplitView }) {
  const edit = useSplitStore((s) => s.edit);
  const current = index === view.draft.current;
  if (view.presets.length === 0) return null;
  return (
    <div className="split-presets" role="group" aria-label="Box size">
      {view.presets.map((preset, i) => {
        const chosen = box.presetId === preset.id;
        const d = preset.dimension;
        return (
          <button
            key={preset.id}
            type="button"
            className={chosen ? 'split-preset split-preset-chosen' : 'split-preset'}
            data-testid="box-preset"
            aria-pressed={chosen}
            disabled={view.locked && !view.open.includes(index)}
            onClick={(e) => {
              e.stopPropagation();
              edit((dr) => choosePreset(dr, index, preset));
            }}
          >
            <span className="split-preset-name">
              {preset.name}
              {current && (!view.locked || view.open.includes(index)) && i < 9 && <kbd>{SPLIT_KEYS.preset(i)}</kbd>}
            </span>
            <span className="split-preset-size">
              {d.width}×{d.height}×{d.depth} {d.unit}
            </span>
          </button>
        );
      })}
    </div>
  );
}
