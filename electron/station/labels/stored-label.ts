/** A label of this station's history, looked up by ID for an action on it or for its details. */
import { StationError } from '../../../shared/errors';
import type { LabelDetail } from '../../../shared/domain/labels';
import type { LabelHistory, StoredLabel } from '../history';

export async function requireLabel(history: LabelHistory, labelId: string): Promise<StoredLabel> {
  const label = await history.get(labelId);
  if (!label) throw notInHistory();
  return label;
}

export async function labelDetail(history: LabelHistory, labelId: string): Promise<LabelDetail> {
  const detail = await history.getDetail(labelId);
  if (!detail) throw notInHistory();
  return detail;
}

function notInHistory(): StationError {
  return new StationError('label_not_found', 'That label is not in this station’s history.', 'Search History again.');
}
