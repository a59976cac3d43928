/** What became of a purchase without a clear answer after a supervisor's decision, in words. Pure. */
import type { LabelRecord } from '../../shared/domain/labels';
import { clockTime } from '../ui/format';

/** recheck: ask the provider again now; confirm_no_label: a supervisor checked its dashboard and found none. */
export type Decision = 'recheck' | 'confirm_no_label';

export function describeDecision(
  after: LabelRecord,
  decision: Decision,
  provider: string,
): { text: string; tone: 'good' | 'warn' | 'bad' } {
  if (after.status === 'bought' && after.printCount === 0) {
    return {
      text: `✓ ${provider} has a label for this order: it is saved in History now, not printed yet. Press Print label; nothing is bought again.`,
      tone: 'good',
    };
  }
  if (after.status === 'bought' || after.status === 'queued' || after.status === 'printed' || after.status === 'print_failed') {
    return {
      text: `✓ ${provider} has a label for this order: it is saved in History now. Print it with Reprint; do not scan the order again.`,
      tone: 'good',
    };
  }
  if (after.status === 'failed') {
    return decision === 'confirm_no_label'
      ? { text: 'Recorded: no label exists for this order. Scan the order again to buy its label.', tone: 'warn' }
      : { text: `${provider} confirms no label was bought. Scan the order again to buy its label.`, tone: 'warn' };
  }
  if (after.status === 'checking' && after.checkUntil) {
    return {
      text: `No label from ${provider} for this order yet. The station keeps asking until ${clockTime(after.checkUntil)}.`,
      tone: 'warn',
    };
  }
  return { text: `Still no clear answer from ${provider}. Try again in a minute, or check the provider's dashboard.`, tone: 'bad' };
}
