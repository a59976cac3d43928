import { useEffect, useRef } from 'react';
import type { BoxDraft } from './box-presets-draft';

type TextField = 'name' | 'width' | 'height' | 'depth' | 'tare';

/** Where the station reports a problem with each input (under `boxPresets.<i>.`). */
const PROBLEM_PATH: Record<TextField, string> = {
  name: 'name',
  width: 'dimension.width',
  height: 'dimension.height',
  depth: 'dimension.depth',
  tare: 'tareWeight',
};

/**
 * One box preset in Settings, on one line where the screen is wide enough: its name, inside size
 * and empty weight, buttons to move it (also Alt+↑/↓ anywhere in it) or remove it, and the
 * station's problems with it underneath.
 */
export function BoxPresetCard({
  box,
  index,
  count,
  lockedBy,
  problems,
  isInvalid,
  focusName,
  onChange,
  onMove,
  onRemove,
}: {
  box: BoxDraft;
  index: number;
  count: number;
  /** The variable that sets the box list, if the environment does. */
  lockedBy?: string;
  /** The station's problems with this box, in its own words (no "Box 2:"). */
  problems: string[];
  /** Whether the station refused the value at this path of the box ("dimension.depth"). */
  isInvalid: (path: string) => boolean;
  /** Just added: the name is selected, ready to type over. */
  focusName: boolean;
  onChange: (change: Partial<BoxDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusName) return;
    nameInput.current?.focus();
    nameInput.current?.select();
  }, [focusName]);
  const name = box.name.trim() || `Box ${index + 1}`;
  const locked = lockedBy !== undefined;
  const problemId = `box-problems-${index + 1}`;
  const text = (field: TextField, props: React.ComponentProps<'input'>) => {
    const invalid = isInvalid(PROBLEM_PATH[field]);
    return (
      <input
        className={`text-input box-number${invalid ? ' input-invalid' : ''}`}
        value={box[field]}
        readOnly={locked}
        inputMode="decimal"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? problemId : undefined}
        onChange={(e) => onChange({ [field]: e.target.value })}
        {...props}
      />
    );
  };
  const unitSelect = (field: 'dimensionUnit' | 'tareUnit', label: string, units: string[], invalid: boolean) => (
    <select
      className={`select${invalid ? ' input-invalid' : ''}`}
      aria-label={label}
      value={box[field]}
      disabled={locked}
      onChange={(e) => onChange({ [field]: e.target.value })}
    >
      {units.map((u) => (
        <option key={u} value={u}>
          {u}
        </option>
      ))}
    </select>
  );

  return (
    <div
      className={`box-card${problems.length ? ' box-card-invalid' : ''}`}
      data-testid="box-card"
      data-box-key={box.key}
      onKeyDown={(e) => {
        if (!e.altKey || locked || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        onMove(e.key === 'ArrowUp' ? -1 : 1);
      }}
    >
      <div className="box-card-number">
        <span>{index + 1}</span>
        {index === 0 && <span className="box-card-usual">usual</span>}
      </div>
      <label className="box-part box-part-name">
        <span className="box-part-label">Name</span>
        {text('name', {
          ref: nameInput,
          className: `text-input${isInvalid('name') ? ' input-invalid' : ''}`,
          maxLength: 60,
          inputMode: 'text',
          spellCheck: false,
          'aria-label': `Box ${index + 1} name`,
        })}
      </label>
      <div className="box-part" role="group" aria-label={`${name} inside size`}>
        <span className="box-part-label">Inside W × H × D</span>
        <span className="inline-group">
          {text('width', { 'aria-label': `${name} width` })}
          <span>×</span>
          {text('height', { 'aria-label': `${name} height` })}
          <span>×</span>
          {text('depth', { 'aria-label': `${name} depth` })}
          {unitSelect('dimensionUnit', `${name} size unit`, ['in', 'cm'], isInvalid('dimension.unit'))}
        </span>
      </div>
      <div className="box-part">
        <span className="box-part-label">Empty weight</span>
        <span className="inline-group">
          {text('tare', { 'aria-label': `${name} empty weight` })}
          {unitSelect('tareUnit', `${name} empty weight unit`, ['lb', 'oz', 'kg', 'g'], false)}
        </span>
      </div>
      {!locked && (
        <div className="box-card-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            data-move="up"
            aria-label={`Move ${name} up`}
            title="Move up (Alt+↑)"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            data-move="down"
            aria-label={`Move ${name} down`}
            title="Move down (Alt+↓)"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          {count > 1 && (
            <button
              type="button"
              className="button button-danger button-small"
              aria-label={`Remove ${name}`}
              onClick={onRemove}
              data-testid="remove-box"
            >
              Remove
            </button>
          )}
        </div>
      )}
      {problems.length > 0 && (
        <div className="box-card-problems" id={problemId}>
          {problems.map((p) => (
            <span key={p} className="field-problem" role="alert">
              {p}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
