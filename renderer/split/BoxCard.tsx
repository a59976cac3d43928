import { useEffect, useRef } from 'react';
import { useSplitStore } from '../state/split-store';
import { moveBox, moveItems, removeBox, setCurrent, type BoxDraft } from './split-draft';
import { useUnitDrop } from './drag-units';
import { BoxContents } from './BoxContents';
import { BoxPresets } from './BoxPresets';
import { BoxSizeFields } from './BoxSizeFields';
import { FieldProblems } from './FieldProblems';
import { SPLIT_KEYS } from './split-keys';
import type { SplitView } from './use-split-view';

/** One box: "box k of n", its place in the print order, preset or typed size, weight, contents, problems. */
export function BoxCard({ box, index, view }: { box: BoxDraft; index: number; view: SplitView }) {
  const edit = useSplitStore((s) => s.edit);
  const { draft, problems, locked, units } = view;
  const count = draft.boxes.length;
  const current = index === draft.current;
  const drop = useUnitDrop((ids) => edit((d) => setCurrent(moveItems(d, ids, index), index)));
  const mine = problems.boxes[index];
  const card = useRef<HTMLElement>(null);
  // The box that keys and scans fill is always in view (a new box, Ctrl+arrows, a box further down).
  useEffect(() => {
    if (current) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current, index]);
  const className = ['split-box', current && 'split-box-current', drop.over && 'drop-over', mine && mine.box.length > 0 && 'split-box-bad']
    .filter(Boolean)
    .join(' ');
  return (
    <section
      ref={card}
      className={className}
      data-testid="split-box"
      aria-label={`Box ${index + 1} of ${count}`}
      aria-current={current ? 'true' : undefined}
      onClick={() => edit((d) => setCurrent(d, index))}
      {...drop.props}
    >
      <header className="split-box-head">
        <h3 className="split-box-title">
          Box {index + 1} <span className="split-box-of">of {count}</span>
        </h3>
        {current && !locked && <span className="split-current-tag">Current</span>}
        {!locked && (
          <span className="split-box-tools" onClick={(e) => e.stopPropagation()}>
            <button
              className="button button-small button-secondary"
              title="Earlier in the print order (Ctrl+←)"
              aria-label={`Move box ${index + 1} earlier`}
              disabled={index === 0}
              onClick={() => edit((d) => moveBox(d, index, index - 1))}
            >
              ◀
            </button>
            <button
              className="button button-small button-secondary"
              title="Later in the print order (Ctrl+→)"
              aria-label={`Move box ${index + 1} later`}
              disabled={index === count - 1}
              onClick={() => edit((d) => moveBox(d, index, index + 1))}
            >
              ▶
            </button>
            <button
              className="button button-small button-danger"
              data-testid="remove-box"
              onClick={() => edit((d) => removeBox(d, index, units))}
            >
              Remove {current && <kbd>{SPLIT_KEYS.removeBox}</kbd>}
            </button>
          </span>
        )}
      </header>
      <BoxPresets box={box} index={index} view={view} />
      <BoxSizeFields box={box} index={index} view={view} />
      <BoxContents box={box} view={view} />
      <FieldProblems messages={mine?.box ?? []} testId="box-problem" />
    </section>
  );
}
