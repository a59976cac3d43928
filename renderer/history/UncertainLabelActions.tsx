import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LabelRecord } from '../../shared/domain/labels';
import { station } from '../api/station';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useApprovedCall } from '../operators/use-supervisor-approval';

import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { isUncertain } from '../../shared/domain/labels';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ProblemBox } from '../ui/ProblemBox';
import { clockTime } from '../ui/format';
import { describeDecision, type Decision } from './uncertain-words';

/**
 * A purchase without a clear answer: ask the provider again, or, after a supervisor checked the
 * provider's dashboard, record that no label exists so the order can be bought again.
 */
export function UncertainLabelActions({ label }: { label: LabelRecord }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const provider = PROVIDER_SHORT_NAMES[label.provider];
  const approved = useApprovedCall();
  const resolve = useMutation({
    mutationFn: (decision: Decision) =>
      decision === 'confirm_no_label'
        ? approved(SUPERVISOR_ACTION_WORDS.confirmNoLabel, (approval) =>
            station.resolveUncertainLabel({ labelId: label.id, decision, ...(approval && { approval }) }),
          )
        : station.resolveUncertainLabel({ labelId: label.id, decision }),
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      void queryClient.invalidateQueries({ queryKey: keys.label(label.id) });
      void queryClient.invalidateQueries({ queryKey: keys.preview(label.id) });
    },
  });
  const outcome = resolve.data ? describeDecision(resolve.data, resolve.variables ?? 'recheck', provider) : undefined;
  const until = label.status === 'checking' && label.checkUntil ? clockTime(label.checkUntil) : undefined;

  return (
    <div className="uncertain" data-testid="uncertain-actions">
      {isUncertain(label.status) && (
        <>
          {until ? (
            <p className="uncertain-text uncertain-text-checking" data-testid="uncertain-checking">
              <strong>A label may still be made for this order.</strong> {provider} gave no clear answer. The station keeps asking by itself
              until {until} and saves the label if it turns up (it prints where the parcel was set aside). Nobody can buy this order before
              then.
            </p>
          ) : (
            <p className="uncertain-text">
              <strong>A label may have been bought for this order.</strong> The station asked {provider} for a label but got no clear
              answer, so it will not buy again until this is checked.
            </p>
          )}
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
          {until && (
            <p className="confirm-warning" data-testid="confirm-still-checking">
              {provider} may still make the label until {until}: if you can, wait until then.
            </p>
          )}
          <p>
            Order <span className="mono strong">{label.orderId}</span> · {provider}. TikTok labels cannot be voided: a second label is money
            lost.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
