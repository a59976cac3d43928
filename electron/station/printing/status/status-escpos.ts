/**
 * ESC/POS real-time status: DLE EOT n (0x10 0x04 n), one status byte back per request.
 * Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear, which tells a real answer
 * from noise. Bits read (Epson ESC/POS reference, "Transmit real-time status"):
 *   n=1 printer:   bit 3 offline
 *   n=2 offline:   bit 2 cover open, bit 5 stopped at paper end, bit 6 error
 *   n=3 error:     bit 2 mechanical error, bit 3 auto-cutter error, bit 5 unrecoverable error,
 *                  bit 6 auto-recoverable error (e.g. head temperature)
 *   n=4 paper:     bits 2+3 paper near end, bits 5+6 paper end
 * Some printers answer only some of the four; the ones left unanswered are skipped (after the first).
 */
import { withStatusLink } from './status-link';
import {
  badAnswerStatus,
  noAnswerStatus,
  statusFromFaults,
  type PrinterFault,
  type PrinterStatus,
  type PrinterWarning,
} from './status-types';
import { DEFAULT_STATUS_TIMEOUT_MS, statusTarget, type StatusQueryOptions } from './status-zebra';
import { formatWait } from '../timeout-wording';

export type EscPosStatusBytes = Partial<Record<1 | 2 | 3 | 4, number>>;

export function escPosStatusRequest(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

export function isEscPosStatusByte(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

const bit = (byte: number | undefined, n: number): boolean => byte !== undefined && (byte & (1 << n)) !== 0;

/** Faults and warnings from the status bytes the printer answered (missing ones are unknown, not faults). */
export function parseEscPosStatus(bytes: EscPosStatusBytes): PrinterStatus {
  const faults: PrinterFault[] = [];
  const warnings: PrinterWarning[] = [];
  const [printer, offline, error, paper] = [bytes[1], bytes[2], bytes[3], bytes[4]];
  if (bit(offline, 2)) faults.push('cover_open');
  if (bit(offline, 5) || (bit(paper, 5) && bit(paper, 6))) faults.push('paper_out');
  if (bit(error, 3)) faults.push('cutter_error');
  if (bit(error, 2) || bit(error, 5) || bit(error, 6)) faults.push('printer_error');
  if (bit(offline, 6) && !faults.some((f) => f === 'cutter_error' || f === 'printer_error')) faults.push('printer_error');
  // Offline alone is explained by the cause above when there is one.
  if (bit(printer, 3) && faults.length === 0) faults.push('offline');
  if (bit(paper, 2) && bit(paper, 3)) warnings.push('paper_near_end');
  return statusFromFaults(faults, warnings);
}

export async function queryEscPosStatus(address: string, opts: StatusQueryOptions = {}): Promise<PrinterStatus> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
  return withStatusLink(statusTarget(address), timeoutMs, async (link, where) => {
    const bytes: EscPosStatusBytes = {};
    let answered = 0;
    let garbled = false;
    for (const n of [1, 2, 3, 4] as const) {
      // After the first answer, a printer that skips a request does so quickly: wait less for it.
      const wait = answered === 0 ? timeoutMs : Math.min(timeoutMs, 500);
      const answer = await link.ask(escPosStatusRequest(n), (b) => b.length >= 1, wait);
      if (!answer && n === 1) break; // Silent to the first question: do not wait four times.
      if (!answer) continue;
      const byte = answer[answer.length - 1]!;
      if (!isEscPosStatusByte(byte)) {
        garbled = true;
        continue;
      }
      bytes[n] = byte;
      answered++;
    }
    if (answered === 0) {
      if (garbled) return badAnswerStatus(where);
      return noAnswerStatus(
        where,
        formatWait(timeoutMs),
        'The printer may be off, busy, or not support status requests: check it for a red light or an open cover.',
      );
    }
    return parseEscPosStatus(bytes);
  });
}
