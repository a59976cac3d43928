import { useLabelDetail, useSettings } from '../api/queries';
import { printerAtAddress } from '../../shared/domain/printers';
import { clockTime, formatMoney, formatTime } from '../ui/format';
import { canReprint, isUncertain, isUnprinted } from '../../shared/domain/labels';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { toProblem } from '../api/problem';
import { LabelPreview } from '../ui/LabelPreview';
import { ProblemBox } from '../ui/ProblemBox';
import { ReprintButton } from '../ui/ReprintButton';
import { StatusBadge } from '../ui/StatusBadge';
import { UncertainLabelActions } from './UncertainLabelActions';
import { NoTrackingNote } from '../ui/NoTrackingNote';
import { LabelPrintJobs } from './LabelPrintJobs';
import { LabelBoxes } from './LabelBoxes';
import { usePrintQueue } from '../api/print-queue-state';
import { jobWaits } from '../scan/print-queue-words';

/** Side panel for one label: facts, print attempts, preview and reprint; checking an unclear purchase. */
export function HistoryDetail({ labelId, onClose }: { labelId: string; onClose: () => void }) {
  const detail = useLabelDetail(labelId);
  const queue = usePrintQueue();
  const printers = useSettings().data?.printers;
  /** A print attempt's printer by name when it is one of the station's printers, else its address. */
  const printerWords = (address: string) => {
    const name = printers && printerAtAddress(printers, address)?.name;
    return name ? `${name} (${address})` : address;
  };
  // A label already waiting for a printer is not offered a second print: its job box says why and offers Cancel.
  // One being printed right now on a ready printer is not waiting: its Reprint button stays to say how it went.
  const waiting = (queue.data?.jobs ?? []).some((j) => j.labelId === labelId && jobWaits(queue.data, j));
  // Waiting for the printer, or for a label the provider may still make: not a fault.
  const waits = detail.data?.status === 'queued' || detail.data?.status === 'checking';
  return (
    <aside className="drawer" data-testid="history-detail" aria-label="Label details">
      <div className="drawer-head">
        <h2>Label details</h2>
        <button className="button button-small" onClick={onClose}>
          Close ✕
        </button>
      </div>
      {detail.isPending && <p>Loading…</p>}
      {detail.isError && <ProblemBox problem={toProblem(detail.error)} />}
      {detail.data && (
        <>
          <dl className="detail-facts">
            <dt>Order ID</dt>
            <dd className="mono strong">{detail.data.orderId}</dd>
            <dt>Tracking</dt>
            <dd className="mono">
              {detail.data.trackingNumbers.join(', ') || '—'}
              {detail.data.trackingNumbers.length > 0 && <NoTrackingNote provider={detail.data.provider} />}
            </dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={detail.data.status} />
            </dd>
            <dt>Provider</dt>
            <dd>{detail.data.sandbox ? <span className="sandbox-chip">SANDBOX</span> : PROVIDER_SHORT_NAMES[detail.data.provider]}</dd>
            <dt>Provider’s label ID</dt>
            <dd className="mono" data-testid="detail-provider-label-id">
              {detail.data.providerLabelId ?? '—'}
            </dd>
            <dt>Cost</dt>
            <dd data-testid="detail-cost">
              {formatMoney(detail.data.cost)}
              {detail.data.boxes.length > 1 && detail.data.cost && <span className="muted"> for all {detail.data.boxes.length} boxes</span>}
            </dd>
            <dt>{isUncertain(detail.data.status) ? 'Asked' : 'Bought'}</dt>
            <dd>
              {formatTime(detail.data.createdAt)} by {detail.data.operator || '—'}
            </dd>
            <dt>{isUncertain(detail.data.status) ? 'Asked at' : 'Bought at'}</dt>
            <dd data-testid="detail-station">{detail.data.station || '—'}</dd>
            {detail.data.checkOverride && (
              <>
                <dt>Packing check</dt>
                <dd className="text-warn" data-testid="detail-check-override">
                  Packing check skipped by {detail.data.checkOverride.by || 'an unnamed supervisor'}: {detail.data.checkOverride.reason}
                  <span className="muted"> · {formatTime(detail.data.checkOverride.at)}</span>
                </dd>
              </>
            )}
            {detail.data.status === 'checking' && detail.data.checkUntil && (
              <>
                <dt>Checking until</dt>
                <dd className="text-warn" data-testid="detail-check-until">
                  {clockTime(detail.data.checkUntil)}
                </dd>
              </>
            )}
            {detail.data.error && (
              <>
                <dt>{waits ? 'Why it waits' : 'Problem'}</dt>
                <dd className={waits ? 'text-warn' : 'text-bad'}>{detail.data.error}</dd>
              </>
            )}
          </dl>
          <LabelBoxes boxes={detail.data.boxes} labelId={labelId} orderId={detail.data.orderId} reprint={canReprint(detail.data.status)} />
          <UncertainLabelActions key={labelId} label={detail.data} />
          <LabelPrintJobs labelId={labelId} />
          {/* Bought but never printed: its first print. The same button stays after it, to say how it went. */}
          {(canReprint(detail.data.status) || detail.data.status === 'queued') && !waiting && (
            <ReprintButton
              labelId={labelId}
              first={isUnprinted(detail.data)}
              label={isUnprinted(detail.data) ? undefined : detail.data.boxes.length > 1 ? 'Reprint all boxes' : 'Reprint label'}
              subject={`Order ${detail.data.orderId}${detail.data.boxes.length > 1 ? ` — all ${detail.data.boxes.length} boxes` : ''}`}
            />
          )}
          <h3>Print attempts</h3>
          {detail.data.printAttempts.length === 0 ? (
            <p className="muted">No print attempts.</p>
          ) : (
            <ul className="attempts" data-testid="print-attempts">
              {detail.data.printAttempts.map((a) => (
                <li key={a.id} className={a.ok ? 'attempt-ok' : 'attempt-bad'} data-testid="print-attempt">
                  <span>{a.ok ? '✓ printed' : '✕ not printed'}</span> · {formatTime(a.at)} · {a.reprint ? 'reprint' : 'first print'}
                  {a.reprint && (
                    <>
                      {' '}
                      — <span className="attempt-reason">{a.reason ?? 'no reason recorded'}</span>
                    </>
                  )}{' '}
                  · {printerWords(a.printer)} · by {a.operator || 'nobody named'}
                  {/* In a fleet: a print made at another station than the one that bought the label. */}
                  {a.station && a.station !== detail.data.station && <span data-testid="attempt-station"> · at {a.station}</span>}
                  {a.error && <div className="text-bad">{a.error}</div>}
                </li>
              ))}
            </ul>
          )}
          {(canReprint(detail.data.status) || detail.data.status === 'queued') && (
            <div className="drawer-preview">
              <LabelPreview labelId={labelId} size="fill-width" />
            </div>
          )}
        </>
      )}
    </aside>
  );
}
