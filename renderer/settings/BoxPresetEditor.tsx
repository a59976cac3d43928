import { useEffect, useRef, useState } from 'react';
import { addBox, MAX_BOX_PRESETS, moveBox, removeBox, restoreBox, type BoxDraft } from './box-presets-draft';
import { boxProblems, type FieldProblem, type SettingsDraft } from './settings-draft';
import { BoxPresetCard } from './BoxPresetCard';

interface Removed {
  box: BoxDraft;
  index: number;
}

/**
 * The station's box presets in Settings: one card each, in the order the splitter offers them (the
 * first is the usual box); add, remove (never the last, with Undo), and move with the arrow buttons
 * or Alt+↑/↓. Changes stay in the form until Save settings.
 */
export function BoxPresetEditor({
  draft,
  lockedBy,
  problems,
  sentKeys,
  update,
}: {
  draft: SettingsDraft;
  lockedBy?: string;
  problems: FieldProblem[];
  /** The boxes' keys in the order last sent: the station's problems name boxes by that place. */
  sentKeys: string[];
  update: (change: (d: SettingsDraft) => SettingsDraft) => void;
}) {
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  /** After a move, focus follows the box to its new place (once: typing afterwards keeps its focus). */
  const moved = useRef<{ key: string; by: -1 | 1; focused: Element | null } | null>(null);
  const boxes = draft.boxes;
  const setBoxes = (change: (boxes: BoxDraft[]) => BoxDraft[]) => update((d) => ({ ...d, boxes: change(d.boxes) }));

  useEffect(() => {
    const done = moved.current;
    if (!done) return;
    moved.current = null;
    // Moving a card in the page takes the focus away: give it back to the field or button that had it,
    // or to the other arrow when this one can go no further.
    const card = document.querySelector<HTMLElement>(`[data-box-key="${CSS.escape(done.key)}"]`);
    const before = done.focused instanceof HTMLElement && card?.contains(done.focused) ? done.focused : null;
    const other = card?.querySelector<HTMLButtonElement>(`[data-move="${done.by < 0 ? 'down' : 'up'}"]`);
    (before && !(before as HTMLButtonElement).disabled ? before : other)?.focus();
  }, [boxes]);

  const move = (key: string, by: -1 | 1) => {
    moved.current = { key, by, focused: document.activeElement };
    setBoxes((list) => moveBox(list, key, by));
  };
  const remove = (box: BoxDraft, index: number) => {
    setBoxes((list) => removeBox(list, box.key));
    setRemoved({ box, index });
  };
  const add = () => {
    const next = addBox(boxes);
    setBoxes(() => next);
    setAdded(next.at(-1)?.key ?? null);
    setRemoved(null);
  };
  const listProblems = problems.filter((p) => p.field === 'boxPresets');

  return (
    <div className="printer-list" data-testid="box-presets">
      <p className="section-note">
        The cartons this table stocks, for split shipments: <strong>inside</strong> size and what the empty carton weighs. “Suggest” in the
        splitter fills boxes from them; the first is the station’s usual box.
      </p>
      {listProblems.map((p) => (
        <p key={p.text} className="field-problem" role="alert">
          {p.text}
        </p>
      ))}
      {boxes.map((box, index) => (
        <BoxPresetCard
          key={box.key}
          box={box}
          index={index}
          count={boxes.length}
          lockedBy={lockedBy}
          problems={boxProblems(problems, sentKeys.indexOf(box.key))}
          isInvalid={(path) => problems.some((p) => p.field?.startsWith(`boxPresets.${sentKeys.indexOf(box.key)}.${path}`))}
          focusName={added === box.key}
          onChange={(fields) => setBoxes((list) => list.map((b) => (b.key === box.key ? { ...b, ...fields } : b)))}
          onMove={(by) => move(box.key, by)}
          onRemove={() => remove(box, index)}
        />
      ))}
      {removed && (
        <div className="printer-removed" role="status" data-testid="box-removed">
          <span>“{removed.box.name.trim() || `Box ${removed.index + 1}`}” is taken out of the list. Press Save settings to keep this.</span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setBoxes((list) => restoreBox(list, removed.box, removed.index));
              setRemoved(null);
            }}
            data-testid="undo-remove-box"
          >
            Undo
          </button>
        </div>
      )}
      {lockedBy === undefined && (
        <div className="printer-add">
          <button
            type="button"
            className="button button-secondary"
            onClick={add}
            disabled={boxes.length >= MAX_BOX_PRESETS}
            data-testid="add-box"
          >
            + Add a box
          </button>
          {boxes.length >= MAX_BOX_PRESETS && <span className="hint">Up to {MAX_BOX_PRESETS} boxes: remove one to add another.</span>}
        </div>
      )}
    </div>
  );
}
