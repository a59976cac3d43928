import type { HistoryFilters } from '../../shared/domain/history-search';
import { LabelStatus } from '../../shared/domain/labels';
import { PROVIDER_SHORT_NAMES, ProviderName } from '../../shared/domain/providers';
import { STATUS_WORDS } from '../ui/format';

/** What the filter bar holds: dates as the date inputs give them (YYYY-MM-DD, the station's own days). */
export interface FilterBarValue {
  fromDay: string;
  toDay: string;
  provider: string;
  status: string;
  printer: string;
  station: string;
  operator: string;
}

export const NO_FILTERS: FilterBarValue = { fromDay: '', toDay: '', provider: '', status: '', printer: '', station: '', operator: '' };

/** The bar's values as the station's filters: "to" includes its whole day; empty fields filter nothing. */
export function toHistoryFilters(value: FilterBarValue): HistoryFilters {
  const startOfDay = (day: string) => new Date(`${day}T00:00:00`);
  const filters: HistoryFilters = {};
  if (value.fromDay) filters.from = startOfDay(value.fromDay).toISOString();
  if (value.toDay) filters.to = new Date(startOfDay(value.toDay).getTime() + 86_400_000).toISOString();
  const provider = ProviderName.safeParse(value.provider);
  if (provider.success) filters.provider = provider.data;
  const status = LabelStatus.safeParse(value.status);
  if (status.success) filters.status = status.data;
  if (value.printer.trim()) filters.printer = value.printer.trim();
  if (value.station.trim()) filters.station = value.station.trim();
  if (value.operator.trim()) filters.operator = value.operator.trim();
  return filters;
}

export function filterCount(value: FilterBarValue): number {
  return Object.values(value).filter((v) => v.trim() !== '').length;
}

/** Dates, provider, status, printer, station and operator; printers, stations and operators offer the values seen in the list. */
export function HistoryFilterBar({
  value,
  onChange,
  seen,
  fleet,
}: {
  value: FilterBarValue;
  onChange: (value: FilterBarValue) => void;
  seen: { printers: string[]; stations: string[]; operators: string[] };
  fleet: boolean;
}) {
  const set = (key: keyof FilterBarValue) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const backwards = value.fromDay !== '' && value.toDay !== '' && value.toDay < value.fromDay;
  return (
    <div className="history-filters" role="group" aria-label="Filters" data-testid="history-filters">
      <label className="history-filter">
        <span>From</span>
        <input className="text-input" type="date" value={value.fromDay} onChange={set('fromDay')} data-testid="filter-from" />
      </label>
      <label className="history-filter">
        <span>To</span>
        <input
          className={backwards ? 'text-input input-invalid' : 'text-input'}
          type="date"
          value={value.toDay}
          onChange={set('toDay')}
          data-testid="filter-to"
          aria-invalid={backwards}
        />
      </label>
      <label className="history-filter">
        <span>Provider</span>
        <select className="select" value={value.provider} onChange={set('provider')} data-testid="filter-provider">
          <option value="">Any</option>
          {ProviderName.options.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_SHORT_NAMES[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="history-filter">
        <span>Status</span>
        <select className="select" value={value.status} onChange={set('status')} data-testid="filter-status">
          <option value="">Any</option>
          {LabelStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s].text}
            </option>
          ))}
        </select>
      </label>
      <TextFilter label="Printer" value={value.printer} onChange={set('printer')} options={seen.printers} testId="filter-printer" />
      {fleet && (
        <TextFilter label="Station" value={value.station} onChange={set('station')} options={seen.stations} testId="filter-station" />
      )}
      <TextFilter label="Operator" value={value.operator} onChange={set('operator')} options={seen.operators} testId="filter-operator" />
      {filterCount(value) > 0 && (
        <button className="button button-small history-filters-clear" onClick={() => onChange(NO_FILTERS)} data-testid="filter-clear">
          Clear filters
        </button>
      )}
      {backwards && (
        <p className="history-filters-problem" role="alert">
          The “To” date is before the “From” date: pick a later “To” date.
        </p>
      )}
    </div>
  );
}

function TextFilter({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  options: string[];
  testId: string;
}) {
  const listId = `${testId}-options`;
  return (
    <label className="history-filter">
      <span>{label}</span>
      <input className="text-input" list={listId} value={value} onChange={onChange} placeholder="Any" data-testid={testId} />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </label>
  );
}
