import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LabelRecord } from '../../shared/domain/labels';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { isUncertain } from '../../shared/domain/labels';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ProblemBox } from '../ui/ProblemBox';

type Decision = 'recheck' | 'confirm_no_label';

/**
 * A purchase without a clear answer: ask the provider again, or, after a supervisor checked the
 * provider's dashboard, record that no label exists so the order can be bought again.
 */
export function UncertainLabelActions({ label }: { label: LabelRecord }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const provider = PROVIDER_SHORT_NAMES[label.provider];
  const resolve = useMutation({
    mutationFn: (decision: Decision) => station.resolveUncertainLabel({ labelId: label.id, decision }),
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      void queryClient.invalidateQueries({ queryKey: keys.label(label.id) });
      void queryClient.invalidateQueries({ queryKey: keys.preview(label.id) });
    },
  });
  const outcome = resolve.data ? describe(resolve.data, resolve.variables ?? 'recheck', provider) : undefined;

  return (
    <div className="uncertain" data-testid="uncertain-actions">
      {isUncertain(label.status) && (
        <>
          <p className="uncertain-text">
            <strong>A label may have been bought for this order.</strong> The station asked {provider} for a label but got no clear answer,
            so it will not buy again until this is checked.
          </p>
          <div className="uncertain-buttons">
            <button
              className="button"
              type="button"
              onClick={() => resolve.mutate('recheck')}
              disabled={resolve.isPending}
              data-testid="recheck"
            >
              {resolve.isPending && resolve.variables === 'recheck' ? `Asking ${provider}…` : 'Ask the provider again'}
            </button>
            <button
              className="button button-danger"
              type="button"
              onClick={() => setConfirming(true)}
              disabled={resolve.isPending}
              data-testid="confirm-no-label"
            >
              No label exists — allow buying again
            </button>
          </div>
        </>
      )}
      {outcome && (
        <p className={`uncertain-result tone-${outcome.tone}`} role="status" data-testid="uncertain-result">
          {outcome.text}
        </p>
      )}
      {resolve.isError && <ProblemBox problem={toProblem(resolve.error)} />}
      {confirming && (
        <ConfirmDialog
          title="Allow buying this order's label again?"
          confirmText="No label exists — allow buying again"
          busy={resolve.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => resolve.mutate('confirm_no_label')}
        >
          <p className="confirm-warning">
            Only if you checked the provider's dashboard and there is NO label for this order; otherwise the order will be paid twice.
          </p>
          <p>
            Order <span className="mono strong">{label.orderId}</span> · {provider}. TikTok labels cannot be voided: a second label is money
            lost.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function describe(after: LabelRecord, decision: Decision, provider: string): { text: string; tone: 'good' | 'warn' | 'bad' } {
  if (after.status === 'bought' || after.status === 'printed' || after.status === 'print_failed') {
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
  return { text: `Still no clear answer from ${provider}. Try again in a minute, or check the provider's dashboard.`, tone: 'bad' };
}
