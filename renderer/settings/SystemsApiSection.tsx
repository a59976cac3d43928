/**
 * Settings → Systems API: the Station API a WMS or ERP calls for labels. Turn it on, say where it
 * listens (this computer only, or its address on the warehouse network) and see its address; the
 * tokens below are created and revoked by a supervisor. Saved on its own.
 */
import { SectionSaveRow } from './SectionSaveRow';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicSettings } from '../../shared/domain/settings';
import { SystemsApiSettings } from '../../shared/domain/systems-api';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { station } from '../api/station';
import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { systemsApiQuery, useSystemsApi } from '../api/systems-api';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';
import { SettingsField } from './SettingsField';
import { ApiTokensList } from './ApiTokensList';

interface Draft {
  enabled: boolean;
  host: string;
  port: string;
}

const draftOf = (s: PublicSettings['systemsApi']): Draft => ({ enabled: s.enabled, host: s.host, port: String(s.port) });

export function SystemsApiSection({ settings }: { settings: PublicSettings }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const api = useSystemsApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings.systemsApi));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const save = useMutation({
    mutationFn: (systemsApi: PublicSettings['systemsApi']) =>
      approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) => station.updateSettings({ systemsApi, ...(approval && { approval }) })),
    onSuccess: (result) => {
      if (!result) return;
      queryClient.setQueryData(keys.settings, result);
      void queryClient.invalidateQueries({ queryKey: systemsApiQuery.queryKey });
      setDraft(draftOf(result.systemsApi));
      setSaved(true);
    },
  });
  const submit = () => {
    const parsed = SystemsApiSettings.safeParse({
      enabled: draft.enabled,
      host: draft.host,
      port: draft.port.trim() === '' ? NaN : Number(draft.port),
    });
    if (!parsed.success) {
      setIssues(
        Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0]), /nan|number/i.test(i.message) ? 'Type a port number, e.g. 7420' : i.message]),
        ),
      );
      return;
    }
    setIssues({});
    save.mutate(parsed.data);
  };
  const issue = (field: string) => (issues[field] ? [issues[field]!] : []);
  const status = api.data?.status;

  return (
    <section className="systems-api-section" data-testid="systems-api-settings">
      <h2>Systems API</h2>
      <p className="section-note">
        Lets your WMS or ERP ask this station for labels over HTTP: buy and print, read a label and its file, reprint, search History, read
        health. Off until you turn it on; every call needs a token from the list below.
      </p>
      <SettingsField label="Turn on" htmlFor="systems-api-enabled">
        <input
          id="systems-api-enabled"
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.target.checked)}
          data-testid="systems-api-enabled"
        />
      </SettingsField>
      <SettingsField
        label="Listen on address"
        htmlFor="systems-api-host"
        problems={issue('host')}
        hint="127.0.0.1: only programs on this computer. This computer's address on the warehouse network (e.g. 192.168.1.20): your WMS server can reach it."
      >
        <input
          id="systems-api-host"
          className="text-input"
          spellCheck={false}
          value={draft.host}
          onChange={(e) => set('host', e.target.value)}
          data-testid="systems-api-host"
        />
      </SettingsField>
      <SettingsField label="Port" htmlFor="systems-api-port" problems={issue('port')} hint="1024 to 65535">
        <input
          id="systems-api-port"
          className="text-input short"
          inputMode="numeric"
          value={draft.port}
          onChange={(e) => set('port', e.target.value)}
          data-testid="systems-api-port"
        />
      </SettingsField>
      <SectionSaveRow onSave={submit} pending={save.isPending} saved={saved} testId="save-systems-api" />
      {status && (
        <p className={status.state === 'failed' ? 'warning small' : 'panel-text'} data-testid="systems-api-status">
          {status.state === 'listening' && status.url ? (
            <>
              API address: <code data-testid="systems-api-url">{status.url}</code> · its description: <code>{status.url}/openapi.json</code>
            </>
          ) : (
            status.message
          )}
        </p>
      )}
      {save.error && <ProblemBox problem={toProblem(save.error)} />}
      <ApiTokensList tokens={api.data?.tokens ?? []} />
    </section>
  );
}
