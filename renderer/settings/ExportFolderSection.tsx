/**
 * Settings' export folder: where History's CSV exports go (a shared drive, a USB stick), saved on its
 * own by a supervisor. The station checks the folder takes files before it keeps it; empty is the
 * data folder's exports/; LABEL_STATION_EXPORT_DIR on the computer wins, and the section says so.
 */
import { SectionSaveRow } from './SectionSaveRow';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EXPORT_DIR_VARIABLE, ExportFolderPath } from '../../shared/domain/reports';
import type { PublicSettings } from '../../shared/domain/settings';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { exportFolderQuery, reportKeys } from '../api/reports';
import { toProblem } from '../api/problem';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';
import { SettingsField } from './SettingsField';

export function ExportFolderSection({ settings }: { settings: PublicSettings }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const where = useQuery(exportFolderQuery());
  const [folder, setFolder] = useState(settings.exports.folder);
  const [issue, setIssue] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (value: string) =>
      approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) =>
        station.updateSettings({ exports: { folder: value }, ...(approval && { approval }) }),
      ),
    onSuccess: (result) => {
      if (!result) return;
      queryClient.setQueryData(keys.settings, result);
      setFolder(result.exports.folder);
      setSaved(true);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.exportFolder }),
  });

  const submit = () => {
    const parsed = ExportFolderPath.safeParse(folder);
    if (!parsed.success) {
      setIssue(parsed.error.issues[0]?.message ?? 'Not a folder path');
      return;
    }
    setIssue(null);
    save.mutate(parsed.data);
  };

  const problem = save.error ? toProblem(save.error) : undefined;
  const problems = [...(issue ? [issue] : []), ...(problem?.fields?.['exports.folder'] ?? [])];
  const view = where.data;
  const fromEnv = view?.setBy === 'environment';

  return (
    <section className="storage-section" data-testid="export-folder-settings">
      <h2>Exports</h2>
      <SettingsField
        label="Export folder"
        htmlFor="export-folder"
        problems={problems}
        hint={`Where “Export to CSV” saves its files: a shared drive or a USB stick this computer can write to. Empty: ${
          view?.defaultFolder ?? 'the exports folder in the data folder'
        }. ${EXPORT_DIR_VARIABLE}, when set on this computer, wins over this field.`}
      >
        <input
          id="export-folder"
          className="text-input wide"
          data-testid="export-folder"
          value={folder}
          placeholder="(the data folder)"
          spellCheck={false}
          onChange={(e) => {
            setFolder(e.target.value);
            setSaved(false);
          }}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
      </SettingsField>
      <SectionSaveRow onSave={submit} pending={save.isPending} pendingText="Checking…" saved={saved} testId="save-export-folder" />
      {view && (
        <p className={fromEnv ? 'warning small' : 'muted small'} data-testid="export-folder-now">
          {fromEnv ? (
            <>
              Exports go to <span className="mono">{view.folder}</span>: {EXPORT_DIR_VARIABLE} is set on this computer and wins over the
              field above.
            </>
          ) : (
            <>
              Exports go to <span className="mono">{view.folder}</span>.
            </>
          )}
        </p>
      )}
      {problem && !(problem.code === 'invalid_input' && problems.length > 0) && <ProblemBox problem={problem} />}
    </section>
  );
}
