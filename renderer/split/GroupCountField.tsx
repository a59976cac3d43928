import { useState } from 'react';
import { useSplitStore } from '../state/split-store';
import { inBox, setGroupCount, unassignedOf } from './split-draft';
import type { ItemGroup } from '../../shared/domain/shipment-rules';
import type { SplitView } from './use-split-view';

/** How many units of the group go in the current box, typed; Enter (or leaving the field) applies it. */
export function GroupCountField({ group, view }: { group: ItemGroup; view: SplitView }) {
  const edit = useSplitStore((s) => s.edit);
  const { draft } = view;
  const now = inBox(draft, group, draft.current).length;
  const max = now + unassignedOf(draft, group).length;
  const [typed, setTyped] = useState<string | null>(null);
  const apply = () => {
    if (typed === null) return;
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 0) edit((d) => setGroupCount(d, group, d.current, Math.min(n, max)));
    setTyped(null);
  };
  return (
    <label className="split-count" onClick={(e) => e.stopPropagation()}>
      <span>In box {draft.current + 1}:</span>
      <input
        className="text-input split-count-input"
        data-testid="group-count"
        inputMode="numeric"
        value={typed ?? String(now)}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            apply();
            e.currentTarget.blur();
          }
        }}
      />
      <span className="muted">of {max}</span>
    </label>
  );
}
