import type { LabelStatus } from '../../shared/domain/labels';
import { STATUS_WORDS } from './format';

export function StatusBadge({ status }: { status: LabelStatus }) {
  const words = STATUS_WORDS[status];
  return <span className={`status status-${words.tone}`}>{words.text}</span>;
}
