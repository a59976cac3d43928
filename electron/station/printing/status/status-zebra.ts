/**
 * Zebra host status (~HS). The printer answers three lines, each <STX>…<ETX><CR><LF>
 * (ZPL II Programming Guide, ~HS "Host Status Return"):
 *
 *   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l
 *      aaa interface settings, b paper out, c pause, dddd label length (dots), eee formats in the
 *      receive buffer, f buffer full, g diagnostic mode, h partial format, iii unused,
 *      j corrupt RAM (settings lost), k under temperature, l over temperature
 *   2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
 *      mmm function settings, n unused, o head up, p ribbon out, q thermal transfer mode,
 *      r print mode, s print width mode, t label waiting, uuuuuuuu labels remaining in batch,
 *      v format while printing, www graphics stored
 *   3: xxxx,y   password, static RAM installed
 *
 * A Zebra stays silent while it is out of media or its head is open, so no answer is a fault.
 */
import { parsePrinterAddress, describePrinter } from '../transports/address';
import { PrintError } from '../print-error';
import { withStatusLink } from './status-link';
import { badAnswerStatus, noAnswerStatus, statusFromFaults, type PrinterFault, type PrinterStatus } from './status-types';
import { formatWait } from '../timeout-wording';

export const ZEBRA_STATUS_REQUEST = Buffer.from('~HS', 'ascii');
export const DEFAULT_STATUS_TIMEOUT_MS = 2_000;

const STX = 0x02;
const ETX = 0x03;

/** The <STX>…<ETX> strings in an answer, in order (bytes outside them are ignored). */
export function zebraStatusLines(answer: Uint8Array): string[] {
  const lines: string[] = [];
  let start = -1;
  for (let i = 0; i < answer.length; i++) {
    if (answer[i] === STX) start = i + 1;
    else if (answer[i] === ETX && start >= 0) {
      lines.push(Buffer.from(answer.subarray(start, i)).toString('latin1'));
      start = -1;
    }
  }
  return lines;
}

function fields(line: string): string[] {
  return line.split(',').map((f) => f.trim());
}

const flag = (value: string | undefined): boolean => value === '1';
const count = (value: string | undefined): number => (value && /^\d+$/.test(value) ? Number(value) : 0);

/** Parses a complete ~HS answer; null when it is not one (too few lines or fields, not numbers). */
export function parseZebraHostStatus(answer: Uint8Array): PrinterStatus | null {
  const lines = zebraStatusLines(answer);
  if (lines.length < 2) return null;
  const one = fields(lines[0]!);
  const two = fields(lines[1]!);
  if (one.length < 12 || two.length < 9) return null;
  if (![...one, ...two].every((f) => /^\d+$/.test(f))) return null;

  const faults: PrinterFault[] = [];
  if (flag(one[1])) faults.push('paper_out');
  if (flag(one[2])) faults.push('paused');
  if (flag(one[5])) faults.push('buffer_full');
  if (flag(one[9])) faults.push('settings_lost');
  if (flag(one[10])) faults.push('head_too_cold');
  if (flag(one[11])) faults.push('head_too_hot');
  if (flag(two[2])) faults.push('head_open');
  if (flag(two[3])) faults.push('ribbon_out');
  return statusFromFaults(faults, [], { formats: count(one[4]), labels: count(two[8]) });
}

export interface StatusQueryOptions {
  /** Wait for the connection, then again for the answer. Default 2 s. */
  timeoutMs?: number;
}

function tcpOnly(address: string): { host: string; port: number } {
  const parsed = parsePrinterAddress(address);
  if (parsed.kind !== 'tcp') {
    throw new PrintError(
      'invalid_printer_address',
      `The station can read the printer status only over the network, not from ${describePrinter(parsed)}.`,
      'Use a tcp:// printer address in Settings to see paper-out and head-open warnings, or check the printer yourself.',
    );
  }
  return parsed;
}

export async function queryZebraStatus(address: string, opts: StatusQueryOptions = {}): Promise<PrinterStatus> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
  return withStatusLink(tcpOnly(address), timeoutMs, async (link, where) => {
    const complete = (b: Buffer): boolean => b.filter((x) => x === ETX).length >= 3;
    const answer = await link.ask(ZEBRA_STATUS_REQUEST, complete, timeoutMs);
    if (!answer) {
      return noAnswerStatus(
        where,
        formatWait(timeoutMs),
        'A Zebra printer stays silent when it is out of labels or its head is open: check the printer, close the head and press Feed.',
      );
    }
    return parseZebraHostStatus(answer) ?? badAnswerStatus(where);
  });
}

export { tcpOnly as statusTarget };
