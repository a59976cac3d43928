import { useDatabaseStatus } from '../api/database-status';
import { useStationInfo } from '../api/queries';
import { changesWord, databaseLight } from '../ui/database-light-words';
import { SettingsField } from './SettingsField';
import { historyStartWords } from './history-start-words';

/**
 * Read-only: the station's name in the history, where the history is kept (its own, or the
 * warehouse's shared database), and that database's live status. The station never sends the
 * database's address or password, so the screen cannot show them.
 */
export function DatabaseSection() {
  const info = useStationInfo();
  const status = useDatabaseStatus().data;
  const light = databaseLight(status);
  const fleet = status?.mode === 'fleet';
  return (
    <fieldset data-testid="database-settings">
      <legend>Warehouse database</legend>
      <SettingsField label="This station" hint="How History names this station (“bought at …”)">
        <strong data-testid="station-name">{info.data?.stationName ?? '…'}</strong>
      </SettingsField>
      <SettingsField label="History kept in">
        <span data-testid="database-mode">
          {!status ? '…' : fleet ? 'The warehouse’s shared database (a fleet of stations)' : 'This station only (its own history)'}
        </span>
      </SettingsField>
      <SettingsField
        label="Holds every purchase since"
        hint="When this history was started, or a backup of it put back: a label bought before then may be missing from it"
      >
        <span data-testid="history-complete-since">{historyStartWords(info.data?.historyCompleteSince)}</span>
      </SettingsField>
      {light && status && (
        <>
          <SettingsField label="Status">
            <span className={`database-status database-status-${light.tone}`} data-testid="database-status">
              <span className="printer-dot" aria-hidden="true" />
              {light.message}
            </span>
          </SettingsField>
          <SettingsField label="Changes to send">
            <span data-testid="pending-writes">
              {status.pendingWrites === 0 ? 'None' : `${changesWord(status.pendingWrites)} made while the database was away`}
            </span>
          </SettingsField>
        </>
      )}
      <p className="section-note" data-testid="fleet-how-to">
        {fleet
          ? 'Set on this computer by LABEL_STATION_DATABASE_URL, the name by LABEL_STATION_NAME (see the README, “A fleet of stations”).'
          : 'To share one history between a warehouse’s stations, set LABEL_STATION_DATABASE_URL to the warehouse’s PostgreSQL on every station and restart it (see the README, “A fleet of stations”).'}
      </p>
    </fieldset>
  );
}
