import { useQueryClient } from '@tanstack/react-query';
import { useScanStore } from '../state/scan-store';
import { runScan } from '../state/run-scan';
import { ScanField } from './ScanField';
import { StepTracker } from './StepTracker';
import { OutcomePanel } from './OutcomePanel';
import { RecentScans } from './RecentScans';
import { SlowProviderNotice } from './SlowProviderNotice';
import { PrinterStatusBar } from './PrinterStatusBar';
import { DatabaseLight } from './DatabaseLight';
import { PrintQueuePanel } from './PrintQueuePanel';
import { usePrintQueue, useSettleWaitingScans } from '../api/print-queue-state';
import { isSamePrinter, printersToShow } from './print-queue-words';
import { useSettings, useStationInfo } from '../api/queries';
import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { UnprintedLabelsPanel } from './UnprintedLabelsPanel';
import { LateLabelNotices } from './LateLabelNotices';
import { useLateLabels } from '../state/late-labels';
import { SplitOrderButton } from './SplitOrderButton';
import { ParcelStrip } from './ParcelStrip';
import { useParcelChoice } from '../state/parcel-choice-store';
import { describeParcel, nextParcel, scanRefusal } from './parcel-choice';
import { sounds } from '../ui/sounds';
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
  const lateNotices = useLateLabels((s) => s.notices);
  const shownLabelId = state.result && 'label' in state.result ? state.result.label?.id : undefined;
  const lateLabel = lateNotices.find((n) => n.labelId === shownLabelId);
  const settings = useSettings().data;
  const choice = useParcelChoice();
  const scaleReading = useScaleReading().data;
  const scaleInput = settings && { reading: scaleReading, rules: settings.scale };
  const next = settings ? nextParcel(choice, settings.defaultParcel, settings.boxPresets, scaleInput) : undefined;
  const { waitingScan, latestReading, holdForScale } = useScaleWait(queryClient);
  // The parcel as it is when asked (the choice and the scale reading may have changed since the render).
  const nextNow = () =>
    settings &&
    nextParcel(
      useParcelChoice.getState(),
      settings.defaultParcel,
      settings.boxPresets,
      scaleInput && { ...scaleInput, reading: latestReading() },
    );

  /** Sends the scan with this parcel; refused (text kept in the field) while the weight is wrong or the scale unsettled. */
  const onScan = (scan: string): boolean => {
    // The choice as it is now (a scan typed into the weight field has just given its text back).
    const next = nextNow();
    const refusal = next && scanRefusal(next);
    if (next?.waitForScale && !next.problem && !next.outsideLimits && settings && settings.scale.stableWaitSeconds > 0) {
      // Held (its text stays in the field) until the scale settles, then sent; refused if it does not.
      holdForScale(
        scan,
        settings.scale.stableWaitSeconds,
        nextNow,
        (ready) => void runScan(scan, queryClient, ready),
        (words) => {
          sounds.error();
          state.refuse(words);
        },
      );
      return false;
    }
    if (refusal) {
      sounds.error();
      state.refuse(refusal);
      return false;
    }
    void runScan(scan, queryClient, next);
    return true;
  };

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
        <ScanField busy={running} jobCount={state.recent.length} onScan={onScan} />
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
            message={state.stepMessage}
            running={running}
          />
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
