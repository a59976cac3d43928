import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { station } from '../api/station';
import { keys, useSettings, useStationInfo } from '../api/queries';
import { useDatabaseStatusEvents } from '../api/database-status';
import { useScaleReadingEvents } from '../api/scale';
import { useNav, type Screen } from '../state/nav';
import { routeJobProgress } from '../state/job-progress';
import { lateLabelOf } from '../state/late-labels';
import { sounds } from '../ui/sounds';
import { TopBar } from './TopBar';
import { SandboxBanner } from '../ui/SandboxBanner';
import { ConnectionBanner } from '../ui/ConnectionBanner';
import { ProblemBox } from '../ui/ProblemBox';
import { toProblem } from '../api/problem';
import { ScanScreen } from '../scan/ScanScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { SplitScreen } from '../split/SplitScreen';
import { BatchScreen } from '../batch/BatchScreen';
import { HealthScreen } from '../health/HealthScreen';
import { HealthBanner } from '../health/HealthBanner';
import { isReportsKey, ReportsScreen } from '../reports/ReportsScreen';
import { BATCH_KEY } from '../batch/batch-words';
import { useOpenSplitter } from '../split/open-splitter';
import { useOperatorSession, useOperatorSessionEvents } from '../api/operators';
import { ApprovalDialog } from '../operators/ApprovalDialog';
import { SignInGate } from '../operators/SignInGate';
import { useIdleSignOut } from '../operators/use-idle-sign-out';
import { useScansAnywhere } from './use-scans-anywhere';
import { useReturnToScan } from './use-return-to-scan';

const FUNCTION_KEYS: Record<string, Screen> = { F1: 'scan', F2: 'history', F3: 'settings' };
/** The splitter opens on the order last scanned (F6). */
const SPLIT_KEY = 'F6';

export function App() {
  const screen = useNav((s) => s.screen);
  const go = useNav((s) => s.go);
  const info = useStationInfo();
  const openSplitter = useOpenSplitter();
  useDatabaseStatusEvents();
  useScaleReadingEvents();
  useOperatorSessionEvents();
  const session = useOperatorSession();
  const signedIn = Boolean(session.data?.operator);
  useIdleSignOut(session.data?.idleSignOutMinutes ?? 0, signedIn);
  useScansAnywhere(signedIn);
  useReturnToScan(screen, useSettings().data?.operators.returnToScanSeconds ?? 0);
  // Whoever signs in next starts on the Scan screen.
  useEffect(() => {
    if (!signedIn) go('scan');
  }, [signedIn, go]);

  const queryClient = useQueryClient();
  useEffect(
    () =>
      station.on('jobProgress', (event) => {
        if (!routeJobProgress(event)) return;
        sounds.success();
        // A late label's file is here now: its preview (which may have said "still downloading") is drawn again.
        const late = lateLabelOf(event);
        if (late) void queryClient.invalidateQueries({ queryKey: keys.preview(late.labelId) });
      }),
    [queryClient],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = FUNCTION_KEYS[e.key];
      // F7 opens batches (the splitter keeps F7 for its own "add a box").
      if (e.key === BATCH_KEY && useNav.getState().screen !== 'split') {
        e.preventDefault();
        go('batch');
      } else if (isReportsKey(e)) {
        // Alt+R: every function key already has a job (F4 "It printed" on Scan, the splitter's order field).
        e.preventDefault();
        go('reports');
      } else if (e.key === SPLIT_KEY) {
        e.preventDefault();
        openSplitter();
      } else if (target) {
        e.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, openSplitter]);

  return (
    <div className="app">
      <TopBar />
      {info.data?.sandbox && <SandboxBanner />}
      <ConnectionBanner />
      <HealthBanner />
      {info.isError && (
        <div className="screen-pad">
          <ProblemBox problem={toProblem(info.error)} />
        </div>
      )}
      <main className="screen">
        {!signedIn ? (
          session.data && <SignInGate />
        ) : (
          <>
            {screen === 'scan' && <ScanScreen />}
            {screen === 'split' && <SplitScreen />}
            {screen === 'history' && <HistoryScreen />}
            {screen === 'settings' && <SettingsScreen />}
            {screen === 'batch' && <BatchScreen />}
            {screen === 'health' && <HealthScreen />}
            {screen === 'reports' && <ReportsScreen />}
          </>
        )}
      </main>
      <ApprovalDialog />
    </div>
  );
}
