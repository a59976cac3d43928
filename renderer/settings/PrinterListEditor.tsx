import { useState } from 'react';
import { MAX_PRINTERS } from '../../shared/domain/printers';
import { type PublicSettings } from '../../shared/domain/settings';
import {
  addPrinter,
  canAddPrinter,
  defaultChoiceLockedBy,
  printerFieldLockedBy,
  printerProblems,
  removePrinter,
  restorePrinter,
  type FieldProblem,
  type PrinterDraft,
  type SettingsDraft,
} from './settings-draft';
import { PrinterCard } from './PrinterCard';

interface Removed {
  printer: PrinterDraft;
  index: number;
  /** The printer that became the default because the removed one was it. */
  newDefault?: PrinterDraft;
}

/**
 * The station's printers in Settings: one card each, the default marked, add (up to 8) and remove
 * (never the last; removing the default makes the first remaining one the default and says so).
 * Changes stay in the form until Save settings.
 */
export function PrinterListEditor({
  draft,
  settings,
  problems,
  sentKeys,
  update,
}: {
  draft: SettingsDraft;
  /** What is saved: which printers exist, which is the default, what the environment sets. */
  settings: PublicSettings;
  problems: FieldProblem[];
  /** The printers' keys in the order last sent: the station's problems name printers by that place. */
  sentKeys: string[];
  update: (change: (d: SettingsDraft) => SettingsDraft) => void;
}) {
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const locked = settings.lockedByEnv;
  const defaultLock = defaultChoiceLockedBy(locked);
  const onlyOne = draft.printers.length === 1;

  const change = (key: string, fields: Partial<PrinterDraft>) =>
    update((d) => ({ ...d, printers: d.printers.map((p) => (p.key === key ? { ...p, ...fields } : p)) }));
  const remove = (printer: PrinterDraft, index: number) => {
    const result = removePrinter(draft, printer.key);
    update(() => result.draft);
    setRemoved({ printer, index, ...(result.newDefault && { newDefault: result.newDefault }) });
  };
  const undo = (r: Removed) => {
    update((d) => {
      const back = restorePrinter(d, r.printer, r.index);
      return r.newDefault ? { ...back, defaultPrinterKey: r.printer.key } : back;
    });
    setRemoved(null);
  };
  const add = () => {
    const next = addPrinter(draft);
    update(() => next);
    setAdded(next.printers.at(-1)?.key ?? null);
    setRemoved(null);
  };

  return (
    <div className="printer-list" data-testid="printer-list">
      <p className="section-note">
        Scans print on the <strong>default</strong> printer. Reprints and test prints can go to any printer in this list.
      </p>
      {problems
        .filter((p) => p.field === 'printers.defaultId' || p.field === 'printers.list')
        .map((p) => (
          <p key={p.text} className="field-problem" role="alert">
            {p.text}
          </p>
        ))}
      {draft.printers.map((printer, index) => {
        const isDefault = printer.key === draft.defaultPrinterKey;
        const envDefault = printer.savedId !== null && printer.savedId === settings.printers.defaultId && defaultLock !== undefined;
        return (
          <PrinterCard
            key={printer.key}
            printer={printer}
            index={index}
            saved={settings.printers.list.find((p) => p.id === printer.savedId)}
            isDefault={isDefault}
            lockedBy={(field) => printerFieldLockedBy(locked, printer, settings.printers.defaultId, field)}
            defaultLockedBy={defaultLock}
            canRemove={!onlyOne && !envDefault}
            problems={(field) => printerProblems(problems, sentKeys.indexOf(printer.key), field)}
            focusName={added === printer.key}
            onChange={(fields) => change(printer.key, fields)}
            onMakeDefault={() => update((d) => ({ ...d, defaultPrinterKey: printer.key }))}
            onRemove={() => remove(printer, index)}
          />
        );
      })}
      {removed && (
        <div className="printer-removed" role="status" data-testid="printer-removed">
          <span>
            “{removed.printer.name.trim() || `Printer ${removed.index + 1}`}” is taken out of the list.
            {removed.newDefault && <> “{removed.newDefault.name.trim()}” is now the default printer: scans will print there.</>} Press Save
            settings to keep this.
          </span>
          <button type="button" className="button button-secondary button-small" onClick={() => undo(removed)} data-testid="undo-remove">
            Undo
          </button>
        </div>
      )}
      <div className="printer-add">
        <button type="button" className="button button-secondary" onClick={add} disabled={!canAddPrinter(draft)} data-testid="add-printer">
          + Add a printer
        </button>
        {!canAddPrinter(draft) && (
          <span className="hint">A station can have up to {MAX_PRINTERS} printers: remove one to add another.</span>
        )}
      </div>
    </div>
  );
}
