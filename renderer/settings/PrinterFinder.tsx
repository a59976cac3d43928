import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { MethodOutput } from '../../shared/contract';
import { station } from '../api/station';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';

type Found = MethodOutput<'discoverPrinters'>[number];

const KIND_NAMES: Record<Found['kind'], string> = {
  cups: 'Print queue',
  device: 'USB printer',
  windows: 'Windows printer',
};

/** "Find printers": lists the OS queues and USB printers this computer sees; a click puts one in the address field (saved with Save). */
export function PrinterFinder({ current, onPick }: { current: string; onPick: (address: string) => void }) {
  const find = useMutation({ mutationFn: () => station.discoverPrinters({}) });
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <div className="printer-finder" data-testid="printer-finder">
      <button
        className="button button-secondary"
        type="button"
        onClick={() => find.mutate()}
        disabled={find.isPending}
        data-testid="find-printers"
      >
        {find.isPending ? 'Looking for printers…' : 'Find printers'}
      </button>
      {find.isSuccess && find.data.length === 0 && (
        <p className="finder-empty" role="status" data-testid="no-printers-found">
          No print queues or USB printers found on this computer. Network printers are not listed: type their address (tcp://…).
        </p>
      )}
      {find.isSuccess && find.data.length > 0 && (
        <ul className="finder-list" data-testid="found-printers">
          {find.data.map((p) => (
            <li key={p.address}>
              <button
                type="button"
                className={p.address === current ? 'finder-item finder-item-current' : 'finder-item'}
                onClick={() => {
                  onPick(p.address);
                  setPicked(p.address);
                }}
                data-testid="found-printer"
              >
                <span className="finder-name">{p.name}</span>
                <span className="finder-kind">{KIND_NAMES[p.kind]}</span>
                <span className="finder-address mono">{p.address}</span>
                {p.detail && <span className="finder-detail">{p.detail}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {picked !== null && picked === current && (
        <span className="hint" data-testid="picked-note">
          {picked} is in the address field: press Save settings to use it.
        </span>
      )}
      {find.isError && <ProblemBox problem={toProblem(find.error)} />}
    </div>
  );
}
