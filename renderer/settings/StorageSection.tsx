/**
 * Settings' storage section: how long label files stay on this station's disk, and the daily backup
 * of its history (folder, how many are kept) with "Back up now". Saved on its own. The fleet's
 * PostgreSQL is not backed up here, and the section says so.
 */
import { SectionSaveRow } from './SectionSaveRow';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { StorageSettings, type PublicSettings } from '../../shared/domain/settings';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { useBackUpNow, useHealth } from '../api/health';
import { useDatabaseStatus } from '../api/database-status';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';
import { bytesWords, whenWords } from '../health/health-words';
import { SettingsField } from './SettingsField';

interface StorageDraft {
  days: string;
  folder: string;
  kept: string;
  daily: boolean;
}

const draftOf = (s: PublicSettings['storage']): StorageDraft => ({
  days: String(s.labelFileRetentionDays),
  folder: s.backupFolder,
  kept: String(s.backupsKept),
  daily: s.dailyBackup,
});

export function StorageSection({ settings }: { settings: PublicSettings }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const health = useHealth();
  const database = useDatabaseStatus();
  const backUp = useBackUpNow();
  const [draft, setDraft] = useState<StorageDraft>(() => draftOf(settings.storage));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof StorageDraft>(key: K, value: StorageDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: (storage: PublicSettings['storage']) =>
      approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) => station.updateSettings({ storage, ...(approval && { approval }) })),
    onSuccess: (result) => {
      if (!result) return;
      queryClient.setQueryData(keys.settings, result);
      setDraft(draftOf(result.storage));
      setSaved(true);
    },
  });

  const submit = () => {
    const parsed = StorageSettings.safeParse({
      labelFileRetentionDays: draft.days.trim() === '' ? NaN : Number(draft.days),
      backupFolder: draft.folder,
      backupsKept: draft.kept.trim() === '' ? NaN : Number(draft.kept),
      dailyBackup: draft.daily,
    });
    if (!parsed.success) {
      setIssues(
        Object.fromEntries(
          parsed.error.issues.map((i) => [
            String(i.path[0]),
            i.message === 'Expected number, received nan' ? 'Type a whole number' : i.message,
          ]),
        ),
      );
      return;
    }
    setIssues({});
    save.mutate(parsed.data);
  };

  const backup = health.data?.backup;
  // The folder in force is the default only while none is set.
  const defaultFolder = settings.storage.backupFolder === '' && backup ? backup.folder : 'the backups folder in the data folder';
  const fleet = database.data?.mode === 'fleet' || backup?.mode === 'fleet';
  const problem = save.error ? toProblem(save.error) : backUp.error ? toProblem(backUp.error) : undefined;
  // The station's own refusal of a field (a backup folder that cannot take files) goes under it too.
  const issue = (field: string) => [...(issues[field] ? [issues[field]!] : []), ...(problem?.fields?.[`storage.${field}`] ?? [])];

  return (
    <section className="storage-section" data-testid="storage-settings">
      <h2>Label files and backups</h2>
      <SettingsField
        label="Keep label files (days)"
        htmlFor="retention-days"
        problems={issue('labelFileRetentionDays')}
        hint="Older label files are removed from this station's disk; the label stays in History and a reprint downloads it again where the provider still has it. 0: keep forever."
      >
        <input
          id="retention-days"
          className="text-input short"
          inputMode="numeric"
          data-testid="retention-days"
          value={draft.days}
          onChange={(e) => set('days', e.target.value)}
        />
      </SettingsField>
      <SettingsField label="Back up every day" htmlFor="daily-backup" hint="A copy of this station's history, made while it works">
        <input
          id="daily-backup"
          type="checkbox"
          checked={draft.daily}
          onChange={(e) => set('daily', e.target.checked)}
          data-testid="daily-backup"
        />
      </SettingsField>
      <SettingsField
        label="Backup folder"
        htmlFor="backup-folder"
        problems={issue('backupFolder')}
        hint={`Empty: ${defaultFolder}. A folder on another disk survives a broken disk.`}
      >
        <input
          id="backup-folder"
          className="text-input wide"
          data-testid="backup-folder"
          value={draft.folder}
          placeholder="(the data folder)"
          onChange={(e) => set('folder', e.target.value)}
        />
      </SettingsField>
      <SettingsField
        label="Backups kept"
        htmlFor="backups-kept"
        problems={issue('backupsKept')}
        hint="The oldest goes when a new one is made"
      >
        <input
          id="backups-kept"
          className="text-input short"
          inputMode="numeric"
          data-testid="backups-kept"
          value={draft.kept}
          onChange={(e) => set('kept', e.target.value)}
        />
      </SettingsField>
      <SectionSaveRow onSave={submit} pending={save.isPending} saved={saved} testId="save-storage">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => backUp.mutate()}
          disabled={backUp.isPending}
          data-testid="back-up-now"
        >
          {backUp.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </SectionSaveRow>
      {backup && (
        <p className="panel-text" data-testid="backup-status">
          Last backup: <strong>{whenWords(backup.lastBackupAt)}</strong>
          {backup.lastBackupBytes !== null && ` (${bytesWords(backup.lastBackupBytes)})`} · {backup.backups.length} of {backup.keep} kept
          {backup.lastProblem && <span className="text-bad"> · last try failed: {backup.lastProblem}</span>}
        </p>
      )}
      <p className={fleet ? 'warning small' : 'muted small'} data-testid="backup-scope">
        {fleet
          ? 'This station keeps its labels in the warehouse’s PostgreSQL: that database is not backed up here (back it up on its server, e.g. with pg_dump). This backs up the station’s own database: its print queue and its copy of the labels.'
          : 'Backs up this station’s SQLite history. A fleet’s shared PostgreSQL is backed up on its server, not here.'}
      </p>
      {problem && <ProblemBox problem={problem} />}
    </section>
  );
}
