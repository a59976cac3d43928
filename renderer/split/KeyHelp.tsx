import { SPLIT_KEYS } from './split-keys';

/** The splitter's keys, always in view. */
export function KeyHelp() {
  const keys: Array<[string, string]> = [
    ['↑ ↓', 'item'],
    ['1–9', 'that many into the current box'],
    ['+ −', 'one in / out'],
    ['← →', 'current box'],
    ['Ctrl+← →', 'move box'],
    [`${SPLIT_KEYS.preset(0)}…`, 'box size'],
    [SPLIT_KEYS.removeBox, 'remove box'],
    ['Scan a SKU', 'one unit in'],
  ];
  return (
    <ul className="split-keys" aria-label="Keys">
      {keys.map(([k, what]) => (
        <li key={k}>
          <kbd>{k}</kbd> {what}
        </li>
      ))}
    </ul>
  );
}
