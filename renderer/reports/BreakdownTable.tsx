import type { MethodOutput } from '../../shared/contract';
import { costWords } from './report-words';

type Summary = MethodOutput<'getDaySummary'>;
type Row = Summary['operators'][number] | Summary['stations'][number];

/** One row per operator or per station: labels, boxes, reprints, failures and cost of the day. */
export function BreakdownTable({
  rows,
  heading,
  name,
  testId,
}: {
  rows: Row[];
  /** The first column's heading ("Operator", "Station"). */
  heading: string;
  name: (row: Row) => string;
  testId: string;
}) {
  return (
    <table className="report-table" data-testid={`${testId}s`}>
      <thead>
        <tr>
          <th>{heading}</th>
          <th className="num">Labels</th>
          <th className="num">Boxes</th>
          <th className="num">Reprints</th>
          <th className="num">Failures</th>
          <th className="num">Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={name(row)} data-testid={testId}>
            <td>{name(row)}</td>
            <td className="num">{row.labels}</td>
            <td className="num">{row.boxes}</td>
            <td className="num">{row.reprints}</td>
            <td className="num">{row.purchaseFailures + row.printFailures}</td>
            <td className="num">{costWords(row.cost)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
