import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PrintOutcome } from '../../shared/contract';
import { printerAtAddress } from '../../shared/domain/printers';
import { station } from '../api/station';
import { keys, useSettings } from '../api/queries';
import { toProblem } from '../api/problem';
import { sounds } from './sounds';
import { ProblemBox } from './ProblemBox';
import { PrintResult } from './PrintResult';
import { Kbd, useHotkey } from './hotkey';
import { ReprintReasonDialog } from './ReprintReasonDialog';

/**
 * Reprints a saved label (nothing is bought) and shows the result right next to the button. With
 * several printers (normal and big sizes) the packer picks which one, the default preselected; the
 * small size (History's rows) prints on the default. `first`: the label was bought but never printed,
 * so this is its first print (printLabel), not a reprint. A reprint first asks why (kept on its print
 * attempts); a first print asks nothing.
 */
export function ReprintButton({
  labelId,
  size = 'normal',
  first = false,
  label = first ? 'Print label' : 'Reprint label',
  box,
  hotkey,
  subject,
}: {
  labelId: string;
  /** The key that presses it (shown on it), e.g. F8 on the Scan screen's outcome. */
  hotkey?: string;
  /** One box of a split label (reprints only; a first print prints every box). */
  box?: number;
  size?: 'normal' | 'big' | 'small';
  first?: boolean;
  label?: string;
  /** What is reprinted, in the reason dialog (e.g. "Order 576… — box 2 of 3"). */
  subject?: string;
}) {
  const queryClient = useQueryClient();
  const settings = useSettings();
  const setup = settings.data?.printers;
  const [chosen, setChosen] = useState<string | null>(null);
  const choosing = size !== 'small' && setup !== undefined && setup.list.length > 1;
  const printerId = choosing ? (setup.list.some((p) => p.id === chosen) ? chosen! : setup.defaultId) : undefined;
  const [asking, setAsking] = useState(false);
  const reprint = useMutation({
    mutationFn: ({ target, reason }: { target: string | undefined; reason?: string }) => {
      const input = target ? { labelId, printerId: target } : { labelId };
      // A reprint is only sent from the reason dialog, so it always has its reason.
      return first ? station.printLabel(input) : station.reprintLabel({ ...input, ...(box && { box }), reason: reason ?? '' });
    },
    onSuccess: (result) => (result.ok ? sounds.success() : result.queued ? sounds.waiting() : sounds.error()),
    onError: () => sounds.error(),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      void queryClient.invalidateQueries({ queryKey: keys.label(labelId) });
      void queryClient.invalidateQueries({ queryKey: keys.printQueue });
      if (first) void queryClient.invalidateQueries({ queryKey: keys.unprinted });
    },
  });
  /** A first print goes at once; a reprint asks why first. */
  const press = () => (first ? reprint.mutate({ target: printerId }) : setAsking(true));
  useHotkey(hotkey, press, !reprint.isPending && !asking);
  const printerName = (outcome: PrintOutcome): string | undefined => {
    if (!setup) return undefined;
    const chosenId = reprint.variables?.target;
    const byId = chosenId ? setup.list.find((p) => p.id === chosenId) : undefined;
    return (byId ?? printerAtAddress(setup, outcome.printer))?.name;
  };
  return (
    <div className={`reprint reprint-${size}`}>
      {choosing && (
        <div className="printer-choice" role="radiogroup" aria-label="Print on" data-testid="reprint-printers">
          <span className="printer-choice-label">Print on</span>
          {setup.list.map((p) => (
            <button
              key={p.id}
              type="button"
              role="radio"
              aria-checked={p.id === printerId}
              className={p.id === printerId ? 'printer-option printer-option-chosen' : 'printer-option'}
              onClick={() => setChosen(p.id)}
              disabled={reprint.isPending}
              data-testid="reprint-printer"
              data-printer-id={p.id}
              title={p.address}
            >
              {p.name}
              {p.id === setup.defaultId && <span className="printer-option-default">default</span>}
            </button>
          ))}
        </div>
      )}
      <button
        className={`button button-${size}`}
        onClick={press}
        disabled={reprint.isPending}
        data-testid={first ? 'print-first' : 'reprint'}
      >
        {reprint.isPending ? 'Printing…' : label} <Kbd keyName={hotkey} />
      </button>
      {reprint.isSuccess && <PrintResult outcome={reprint.data} printerName={printerName(reprint.data)} named={choosing} />}
      {reprint.isError && <ProblemBox problem={toProblem(reprint.error)} />}
      {asking && (
        <ReprintReasonDialog
          title={box ? `Reprint box ${box}` : 'Reprint label'}
          subject={subject ?? 'This label'}
          onCancel={() => setAsking(false)}
          onConfirm={(reason) => {
            setAsking(false);
            reprint.mutate({ target: printerId, reason });
          }}
        />
      )}
    </div>
  );
}
