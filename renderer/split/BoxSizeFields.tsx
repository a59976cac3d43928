import { useSplitStore } from '../state/split-store';
import type { Dimension, Weight } from '../../shared/domain/parcels';
import { changeSizeUnit, changeWeightUnit, SIZE_KEYS, typeSize, typeWeight, type BoxDraft } from './split-draft';
import { FieldProblems } from './FieldProblems';
import type { SplitView } from './use-split-view';

const SIZE_UNITS: Dimension['unit'][] = ['in', 'cm'];
const WEIGHT_UNITS: Weight['unit'][] = ['lb', 'oz', 'kg', 'g'];
const SIZE_WORDS = { width: 'Width', height: 'Height', depth: 'Depth' } as const;

/** The box's inside size (typed or from a preset) and its measured weight, each in the unit chosen. */
export function BoxSizeFields({ box, index, view }: { box: BoxDraft; index: number; view: SplitView }) {
  const edit = useSplitStore((s) => s.edit);
  const mine = view.problems.boxes[index];
  const n = index + 1;
  // After a partial purchase only a box still to buy may be measured again.
  const fixed = view.locked && !view.open.includes(index);
  return (
    <div className="split-measures" onClick={(e) => e.stopPropagation()}>
      <div className={mine && mine.size.length > 0 ? 'split-measure split-measure-bad' : 'split-measure'}>
        <span className="split-measure-label">Size</span>
        {SIZE_KEYS.map((key, i) => (
          <span key={key} className="split-size-part">
            {i > 0 && <span aria-hidden="true">×</span>}
            <input
              className="text-input split-number"
              data-testid={`box-${key}`}
              aria-label={`Box ${n} ${SIZE_WORDS[key]}`}
              inputMode="decimal"
              placeholder={SIZE_WORDS[key][0]}
              value={box.size[key]}
              disabled={fixed}
              onChange={(e) => edit((d) => typeSize(d, index, key, e.target.value))}
            />
          </span>
        ))}
        <UnitChoice
          label={`Box ${n} size unit`}
          units={SIZE_UNITS}
          value={box.sizeUnit}
          disabled={fixed}
          onChange={(u) => edit((d) => changeSizeUnit(d, index, u))}
        />
        <FieldProblems messages={firstOf(mine?.size ?? [])} testId="size-problem" />
        {box.sizeNote && <p className="split-note">{box.sizeNote}</p>}
      </div>
      <div className={mine && mine.weight.length > 0 ? 'split-measure split-measure-bad' : 'split-measure'}>
        <span className="split-measure-label">Weight</span>
        <input
          className="text-input split-number"
          data-testid="box-weight"
          aria-label={`Box ${n} weight`}
          inputMode="decimal"
          placeholder="0.0"
          value={box.weight}
          disabled={fixed}
          onChange={(e) => edit((d) => typeWeight(d, index, e.target.value))}
        />
        <UnitChoice
          label={`Box ${n} weight unit`}
          units={WEIGHT_UNITS}
          value={box.weightUnit}
          disabled={fixed}
          onChange={(u) => edit((d) => changeWeightUnit(d, index, u))}
        />
        <FieldProblems messages={mine?.weight ?? []} testId="weight-problem" />
      </div>
    </div>
  );
}

function UnitChoice<U extends string>({
  label,
  units,
  value,
  disabled,
  onChange,
}: {
  label: string;
  units: U[];
  value: U;
  disabled: boolean;
  onChange: (unit: U) => void;
}) {
  return (
    <select
      className="select split-unit"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as U)}
    >
      {units.map((u) => (
        <option key={u} value={u}>
          {u}
        </option>
      ))}
    </select>
  );
}

/** "Needs its width" for each side says one thing: the first, and how many more. */
function firstOf(messages: string[]): string[] {
  const [first] = messages;
  if (!first) return [];
  return [messages.length > 1 ? `${first} (and ${messages.length - 1} more)` : first];
}
