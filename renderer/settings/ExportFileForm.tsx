/** The export-file destination: a .csv path on this computer that gets one row per chosen event, or empty for none. */
import { SavedNote } from './SectionSaveRow';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { WEBHOOK_EVENT_TITLES, WEBHOOK_EVENTS, type WebhookEvent, type WritebackView } from '../../shared/domain/writeback';
import type { Problem } from '../../shared/errors';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { writebackKeys } from '../api/writeback';
import { useApprovedCall } from '../operators/use-supervisor-approval';
import { ProblemBox } from '../ui/ProblemBox';

export function ExportFileForm({ exportFile }: { exportFile: WritebackView['exportFile'] }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const [file, setFile] = useState(exportFile.path);
  const [events, setEvents] = useState<WebhookEvent[]>(exportFile.events);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const toggle = (event: WebhookEvent) => setEvents((now) => (now.includes(event) ? now.filter((e) => e !== event) : [...now, event]));
  const save = async () => {
    setSaved(false);
    try {
      const view = await approved(SUPERVISOR_ACTION_WORDS.changeSettings, (approval) =>
        station.setExportFile({ path: file, events, ...(approval && { approval }) }),
      );
      if (!view) return;
      queryClient.setQueryData(writebackKeys.settings, view);
      setProblem(null);
      setSaved(true);
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <div className="export-file-form" data-testid="export-file">
      <h3>Export file</h3>
      <p className="section-note">
        A WMS that reads files gets one CSV row per event (event id, type, time, order, tracking). Empty: none.
      </p>
      <div className="apikey-form">
        <input
          className="text-input"
          value={file}
          onChange={(e) => setFile(e.target.value)}
          placeholder="/srv/wms/labels.csv"
          data-testid="export-file-path"
        />
        <button className="button" type="button" onClick={() => void save()} data-testid="save-export-file">
          Save
        </button>
        {saved && <SavedNote />}
      </div>
      <div className="webhook-events">
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="checkbox-row checkbox-inline">
            <input type="checkbox" checked={events.includes(event)} onChange={() => toggle(event)} />
            {WEBHOOK_EVENT_TITLES[event]}
          </label>
        ))}
      </div>
      {problem && <ProblemBox problem={problem} />}
    </div>
  );
}
