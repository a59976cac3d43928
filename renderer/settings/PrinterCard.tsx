import { useEffect, useRef } from 'react';
import type { PrinterProfile } from '../../shared/domain/printers';
import {
  DPI_CHOICES,
  dpiFromText,
  LANGUAGE_CHOICES,
  MEDIA_CHOICES,
  printerUnchanged,
  statusCheckApplies,
  testPrintInput,
  type PrinterDraft,
  type PrinterField,
} from './settings-draft';
import { SettingsField } from './SettingsField';
import { PrinterCardHeader } from './PrinterCardHeader';
import { PrinterFinder } from './PrinterFinder';
import { TestPrintButton } from './TestPrintButton';
import { PrinterStatusCheck } from './PrinterStatusCheck';

/** Element IDs: the first printer keeps the plain ones ("printerAddress"), the others get their number ("printerAddress-2"). */
export function printerElementId(index: number, base: string): string {
  return index === 0 ? base : `${base}-${index + 1}`;
}

/** One printer of the station in Settings: its name and connection, and buttons to try it. */
export function PrinterCard({
  printer,
  index,
  saved,
  isDefault,
  lockedBy,
  defaultLockedBy,
  canRemove,
  problems,
  focusName,
  onChange,
  onMakeDefault,
  onRemove,
}: {
  printer: PrinterDraft;
  index: number;
  /** The printer as saved, when it is. */
  saved: PrinterProfile | undefined;
  isDefault: boolean;
  /** The variable that sets a field of this printer, if any. */
  lockedBy: (field: PrinterField) => string | undefined;
  defaultLockedBy?: string;
  canRemove: boolean;
  /** The station's problems for a field of this printer. */
  problems: (field: string) => string[];
  /** Just added: the name is selected, ready to type over. */
  focusName: boolean;
  onChange: (change: Partial<PrinterDraft>) => void;
  onMakeDefault: () => void;
  onRemove: () => void;
}) {
  const id = (base: string) => printerElementId(index, base);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusName) return;
    nameInput.current?.focus();
    nameInput.current?.select();
  }, [focusName]);
  const addressLock = lockedBy('address');
  const select = (
    field: 'language' | 'media' | 'dpi',
    base: string,
    label: string,
    options: Array<{ value: string; text: string }>,
    hint?: string,
  ) => (
    <SettingsField label={label} htmlFor={id(base)} problems={problems(field)} lockedBy={lockedBy(field)} hint={hint}>
      <select
        id={id(base)}
        className="select"
        value={String(printer[field])}
        disabled={!!lockedBy(field)}
        onChange={(e) => onChange(field === 'dpi' ? { dpi: dpiFromText(e.target.value) } : { [field]: e.target.value })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </SettingsField>
  );

  return (
    <section
      className={isDefault ? 'printer-card printer-card-default' : 'printer-card'}
      aria-label={`Printer ${index + 1}: ${printer.name.trim() || 'no name yet'}`}
      data-testid="printer-card"
      data-default={isDefault}
    >
      <PrinterCardHeader
        number={index + 1}
        name={printer.name}
        isDefault={isDefault}
        defaultLockedBy={defaultLockedBy}
        canRemove={canRemove}
        onMakeDefault={onMakeDefault}
        onRemove={onRemove}
      />
      <SettingsField label="Name" htmlFor={id('printerName')} problems={problems('name')}>
        <input
          ref={nameInput}
          id={id('printerName')}
          className="text-input wide"
          value={printer.name}
          maxLength={60}
          placeholder="What packers call it, e.g. Office A4"
          aria-invalid={problems('name').length > 0}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </SettingsField>
      <SettingsField
        label="Address"
        htmlFor={id('printerAddress')}
        problems={problems('address')}
        lockedBy={addressLock}
        hint="Network: tcp://192.168.1.50:9100 · USB: /dev/usb/lp0 · print queue: cups:QUEUE (Linux/Mac) or windows:PRINTER NAME"
      >
        <input
          id={id('printerAddress')}
          className="text-input wide"
          spellCheck={false}
          value={printer.address}
          readOnly={!!addressLock}
          aria-invalid={problems('address').length > 0}
          placeholder="tcp://192.168.1.50:9100"
          onChange={(e) => onChange({ address: e.target.value })}
        />
      </SettingsField>
      {!addressLock && (
        <SettingsField label="">
          <PrinterFinder current={printer.address.trim()} onPick={(address) => onChange({ address })} />
        </SettingsField>
      )}
      {select('language', 'printerLanguage', 'Language', LANGUAGE_CHOICES, 'What the printer understands; see its manual or sticker')}
      {select('media', 'media', 'Label size', MEDIA_CHOICES)}
      {select(
        'dpi',
        'dpi',
        'Resolution',
        DPI_CHOICES.map((d) => ({ value: String(d), text: `${d} dpi` })),
      )}
      {statusCheckApplies(printer) && (
        <SettingsField
          label="After each label"
          htmlFor={id('statusCheck')}
          problems={problems('statusCheck')}
          lockedBy={lockedBy('statusCheck')}
        >
          <label className="check-label">
            <input
              id={id('statusCheck')}
              type="checkbox"
              className="check-input"
              checked={printer.statusCheck}
              disabled={!!lockedBy('statusCheck')}
              onChange={(e) => onChange({ statusCheck: e.target.checked })}
            />
            Ask the printer whether the label came out
          </label>
          {!lockedBy('statusCheck') && <span className="hint">Turn off only for a printer that never answers.</span>}
        </SettingsField>
      )}
      <SettingsField label="Try it">
        <TestPrintButton input={testPrintInput(printer, saved)} unsaved={!printerUnchanged(printer, saved)} />
      </SettingsField>
      <SettingsField label="Printer status">
        <PrinterStatusCheck printerId={printer.savedId} savedAddress={saved?.address} draftAddress={printer.address} />
      </SettingsField>
    </section>
  );
}
