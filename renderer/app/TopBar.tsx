import { PROVIDER_SHORT_NAMES } from '../../shared/domain/providers';
import { useNav, type Screen } from '../state/nav';
import { useStationInfo } from '../api/queries';
import { useOpenSplitter } from '../split/open-splitter';
import { OperatorBadge } from '../operators/OperatorBadge';
import { HealthLight } from '../health/HealthLight';

const TABS: Array<{ screen: Screen; label: string; key: string }> = [
  { screen: 'scan', label: 'Scan', key: 'F1' },
  { screen: 'split', label: 'Split', key: 'F6' },
  { screen: 'history', label: 'History', key: 'F2' },
  { screen: 'settings', label: 'Settings', key: 'F3' },
  { screen: 'batch', label: 'Batch', key: 'F7' },
  { screen: 'reports', label: 'Reports', key: 'Alt+R' },
];

export function TopBar() {
  const { screen, go } = useNav();
  const info = useStationInfo();
  const openSplitter = useOpenSplitter();
  return (
    <header className="topbar">
      <div className="brand">Label Station</div>
      <nav className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.screen}
            role="tab"
            aria-selected={screen === tab.screen}
            className={screen === tab.screen ? 'tab active' : 'tab'}
            onClick={() => (tab.screen === 'split' ? openSplitter() : go(tab.screen))}
            title={`${tab.label} (${tab.key})`}
            aria-keyshortcuts={tab.key}
          >
            {tab.label} <kbd>{tab.key}</kbd>
          </button>
        ))}
      </nav>
      <div className="station-facts" data-testid="provider">
        <HealthLight />
        {info.data ? (
          <>
            {/* The short name: the provider's full title beside six tabs and a signed-in operator overflowed a 1366 px bar. */}
            <span
              className={info.data.sandbox ? 'provider provider-sandbox' : 'provider provider-live'}
              title={
                info.data.sandbox ? 'Sandbox provider: labels are not real' : `Labels are bought for real from ${info.data.providerTitle}`
              }
            >
              {info.data.sandbox ? 'SANDBOX' : `LIVE · ${PROVIDER_SHORT_NAMES[info.data.provider]}`}
            </span>
            <span
              className="printer-name"
              title={`Scans print on ${info.data.printerName} (${info.data.printer})`}
              data-testid="topbar-printer"
            >
              Printer: <strong>{info.data.printerName}</strong> <span className="printer-address">{info.data.printer}</span>
            </span>
          </>
        ) : info.isError ? (
          <span className="provider provider-unknown">Provider unknown</span>
        ) : (
          <span className="provider">…</span>
        )}
      </div>
      <OperatorBadge />
    </header>
  );
}
