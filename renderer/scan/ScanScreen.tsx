import { useQueryClient } from '@tanstack/react-query';
import { isFilePending, useScanStore } from '../state/scan-store';
import { submitScan } from './submit-scan';
import { ScanQueuePanel } from './ScanQueuePanel';
import { ScanNoticeBar } from '../ui/ScanNoticeBar';
import { PackingCheckPanel } from './PackingCheckPanel';
import { usePackingCheck } from '../state/packing-check-store';
import { ScanField } from './ScanField';
import { StepTracker } from './StepTracker';
import { OutcomePanel } from './OutcomePanel';
import { RecentScans } from './RecentScans';
import { DownloadNotice } from './DownloadNotice';
import { SlowProviderNotice } from './SlowProviderNotice';
import { PrinterStatusBar } from './PrinterStatusBar';
import { DatabaseLight } from './DatabaseLight';
import { PrintQueuePanel } from './PrintQueuePanel';
import { usePrintQueue, useSettleWaitingScans } from '../api/print-queue-state';
import { isSamePrinter, printersToShow } from './print-queue-words';
import { usePrinterStatus, useSettings, useStationInfo } from '../api/queries';
import { usePrinterFaultSound } from './use-printer-fault-sound';
import { useRecentScansFromHistory } from './use-recent-scans-from-history';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { UnprintedLabelsPanel } from './UnprintedLabelsPanel';
import { LateLabelNotices } from './LateLabelNotices';
import { useLateLabels } from '../state/late-labels';
import { SplitOrderButton } from './SplitOrderButton';
import { ParcelStrip } from './ParcelStrip';
import { useParcelChoice } from '../state/parcel-choice-store';
import { describeParcel, nextParcel } from './parcel-choice';
import { useScaleReading } from '../api/scale';
import { useScaleWait } from './scale-wait';

export function ScanScreen() {
  const queryClient = useQueryClient();
  const state = useScanStore();
  const running = state.phase === 'running';
  const info = useStationInfo();
  const slow = info.data?.capabilities.slow === true;
  const queue = usePrintQueue();
  useSettleWaitingScans(queue.data);
  const queuePrinters = printersToShow(queue.data);
  usePrinterFaultSound(usePrinterStatus({ poll: true }).data, queuePrinters);
  useRecentScansFromHistory();
  const lateNotices = useLateLabels((s) => s.notices);
  const shownLabelId = state.result && 'label' in state.result ? state.result.label?.id : undefined;
  const lateLabel = lateNotices.find((n) => n.labelId === shownLabelId);
  const settings = useSettings().data;
  const choice = useParcelChoice();
  const scaleReading = useScaleReading().data;
  const waitingScan = useScaleWait((s) => s.waitingScan);
  const next = settings
    ? nextParcel(choice, settings.defaultParcel, settings.boxPresets, { reading: scaleReading, rules: settings.scale })
    : undefined;

  /**
   * Sends the scan with this parcel (queued while a label is being bought); refused while the typed
   * weight is wrong or outside the limits; held while the scale settles (see submit-scan.ts).
   */
  const onScan = (scan: string): boolean => submitScan(scan, queryClient);

  return (
    <div className="scan-screen">
      <div className="scan-main">
        {/* The outcome on screen says it for its own label: not twice. */}
        <LateLabelNotices except={lateLabel?.labelId} />
        <div className="status-lights">
          <DatabaseLight />
          {/* One box per printer problem: a printer the queue panel shows is not repeated by the status line. */}
          <PrinterStatusBar
            shownElsewhere={(status) =>
              queuePrinters.some((p) => isSamePrinter(p, { printerId: status.printerId, address: status.printer }))
            }
          />
        </div>
        <PrintQueuePanel view={queue.data} printers={queuePrinters} />
        <ScanField
          busy={running}
          jobCount={state.recent.length}
          onScan={onScan}
          onEscape={(hadText) => {
            state.clearRefusal();
            // An empty field: Escape stops checking items (nothing is bought).
            if (!hadText) usePackingCheck.getState().stop();
          }}
        />
        <ScanQueuePanel />
        <ScanNoticeBar on="scan" />
        <PackingCheckPanel />
        {settings && next && (
          <ParcelStrip
            defaultParcel={settings.defaultParcel}
            presets={settings.boxPresets}
            next={next}
            onScan={onScan}
            scale={settings.scale.device.kind === 'none' ? undefined : scaleReading}
          />
        )}
        {waitingScan && (
          <p className="scale-waiting" role="status" data-testid="scale-waiting">
            Waiting for a stable weight — “{waitingScan}” is sent as soon as the scale settles.
          </p>
        )}
        {state.refusal && (
          <div className="refusal" role="alert" data-testid="refusal">
            {state.refusal}
            <button className="button button-small" onClick={() => state.clearRefusal()}>
              OK
            </button>
          </div>
        )}
        {state.phase !== 'idle' && (
          <StepTracker
            step={state.step}
            failedAt={state.failedAt}
            waitingAt={state.waitingAt}
            skippedFrom={state.skippedFrom}
            message={state.stepMessage}
            running={running}
            {...(state.result && isFilePending(state.result) && { waitingFor: 'Waiting for file' })}
          />
        )}
        {running && state.step === 'printing' && state.download && (
          <DownloadNotice since={state.download.since} deadlineSeconds={state.download.deadlineSeconds} />
        )}
        {running && slow && state.step === 'buying' && info.data && (
          <SlowProviderNotice since={state.stepAt} providerName={PROVIDER_SHORT_NAMES[info.data.provider]} />
        )}
        {state.phase === 'finished' && state.result && (
          <OutcomePanel
            result={state.result}
            scan={state.scan}
            lateLabel={lateLabel}
            declared={state.parcel && `${state.boxName ? `${state.boxName} ` : ''}${describeParcel(state.parcel)}`}
          />
        )}
        {state.phase === 'idle' && (
          <section className="idle-help">
            <h2>Ready</h2>
            <p>Scan the TikTok order ID barcode on the packing slip. The label is bought and printed automatically.</p>
            <p className="muted">An order that already has a label is never bought twice — you can reprint it instead.</p>
            {info.data && !info.data.capabilities.tracking && (
              <p className="muted" data-testid="idle-no-tracking">
                {info.data.providerTitle}: labels cannot be voided and get no tracking updates.
              </p>
            )}
          </section>
        )}
      </div>
      {/* Side work, next to the scan: the scan field and its result never move down for it. */}
      <div className="scan-side">
        <SplitOrderButton />
        <UnprintedLabelsPanel />
        <RecentScans recent={state.recent} />
      </div>
    </div>
  );
}
