/** The pieces every scan outcome is made of: the coloured panel with the label preview, and the label's facts. */
import type { LabelRecord } from '../../shared/domain/labels';
import { SOLD_STATUSES } from '../../shared/domain/labels';
import { normalizeScan } from '../../shared/domain/scan';
import { LabelPreview } from '../ui/LabelPreview';
import { NoTrackingNote } from '../ui/NoTrackingNote';

/** checking: amber like a label waiting for the printer, because nothing is lost and nothing is to be done at the provider. */
export type PanelTone = 'good' | 'warn' | 'bad' | 'queued' | 'checking';

const TONE_CLASSES: Record<PanelTone, string> = {
  good: 'outcome outcome-good',
  warn: 'outcome outcome-warn',
  bad: 'outcome outcome-bad',
  queued: 'outcome outcome-warn outcome-queued',
  checking: 'outcome outcome-warn outcome-checking',
};

export function Panel({
  tone,
  title,
  label,
  children,
}: {
  tone: PanelTone;
  title: string;
  label?: LabelRecord;
  children: React.ReactNode;
}) {
  // Only a label the provider sold has a file to show.
  const showPreview = label && (SOLD_STATUSES as readonly string[]).includes(label.status);
  return (
    <section className={TONE_CLASSES[tone]} data-testid={`outcome-${tone}`} aria-live="assertive">
      <div className="outcome-body">
        <h2 className="outcome-title">{title}</h2>
        {children}
      </div>
      {showPreview && (
        <div className="outcome-preview">
          <LabelPreview labelId={label.id} size="fill-height" />
        </div>
      )}
    </section>
  );
}

/**
 * The order (and what was scanned, when that differs), unless `tracking` is false (none exists yet) its
 * tracking number, and the box and weight the scan declared when given.
 */
export function LabelFacts({
  label,
  scan,
  tracking = true,
  declared,
}: {
  label: LabelRecord;
  scan: string;
  tracking?: boolean;
  declared?: string;
}) {
  const scanned = normalizeScan(scan);
  // A Shopify number ("#1001") resolved through the order sources: show both, so the packer sees the match.
  const showScanned = scanned !== '' && scanned.replace(/[\s-]/g, '') !== label.orderId;
  return (
    <dl className="facts">
      {showScanned && (
        <div>
          <dt>Scanned</dt>
          <dd className="figure figure-small" data-testid="scanned">
            {scanned}
          </dd>
        </div>
      )}
      <div>
        <dt>{showScanned ? 'TikTok order ID' : 'Order ID'}</dt>
        <dd className="figure" data-testid="order-id">
          {label.orderId}
        </dd>
      </div>
      {tracking && (
        <div>
          <dt>Tracking number</dt>
          <dd className="figure" data-testid="tracking">
            {label.trackingNumbers.join(', ') || '—'}
          </dd>
          {label.trackingNumbers.length > 0 && <NoTrackingNote provider={label.provider} />}
        </div>
      )}
      {declared && (
        <div>
          <dt>Declared box and weight</dt>
          <dd className="figure figure-small" data-testid="declared-parcel">
            {declared}
          </dd>
        </div>
      )}
    </dl>
  );
}
